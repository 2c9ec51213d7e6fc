#!/usr/bin/env python3
"""A TCP relay that behaves like a slow link: each direction is serialized at a fixed rate (bytes/s) and
then delayed by a one-way latency, with a bounded queue like a router's. sync-fixture.sh puts one in front
of each source node, so a source's link, not the syncing node's validation, sets the pace of one-source
download; `tc netem` on loopback would slow every connection on the machine instead.

Usage: link-limiter.py LISTEN_PORT TARGET_PORT RATE_BYTES_PER_S ONE_WAY_DELAY_MS
"""
import asyncio
import sys

CHUNK = 8 * 1024
# About 2 MB per direction: far more than a peer's 16 blocks in flight, so the queue only matters to a flood.
QUEUE_CHUNKS = 256


async def pipe(reader, writer, rate, delay):
    queue = asyncio.Queue(QUEUE_CHUNKS)
    loop = asyncio.get_running_loop()

    async def receive():
        # A chunk leaves the bottleneck once the chunks before it have, at the link's rate, and arrives
        # one delay later; times are fixed on receipt so the writer's scheduling adds no extra gap.
        departure = 0.0
        try:
            while data := await reader.read(CHUNK):
                departure = max(departure, loop.time()) + len(data) / rate
                await queue.put((departure + delay, data))
        except ConnectionError:
            pass
        await queue.put((0.0, b""))

    async def deliver():
        try:
            while True:
                due, data = await queue.get()
                if not data:
                    break
                wait = due - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                writer.write(data)
                await writer.drain()
        except ConnectionError:
            pass
        finally:
            writer.close()

    await asyncio.gather(receive(), deliver())


async def main(listen_port, target_port, rate, delay):
    async def accept(client_reader, client_writer):
        try:
            target_reader, target_writer = await asyncio.open_connection("127.0.0.1", target_port)
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(
            pipe(client_reader, target_writer, rate, delay),
            pipe(target_reader, client_writer, rate, delay))

    server = await asyncio.start_server(accept, "127.0.0.1", listen_port)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    asyncio.run(main(int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]) / 1000))
