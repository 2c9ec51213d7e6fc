#!/usr/bin/env python3
"""Version handshake with a faithcoin node, as a 0.15 peer would open it (protocol 70015).

    p2p-handshake.py HOST PORT [MAGIC_HEX] [TIMEOUT_S]

MAGIC_HEX is the message start as sent on the wire (default regtest, fabfb5da; main d0e1f5ec).
Sends version, expects the node's version and verack, answers verack, then a ping whose pong must carry
the same nonce (so the node has accepted the handshake, not just the bytes). Prints one line
"version handshake: ..." and exits 0, or prints the failure on stderr and exits 1. Standard library only,
so it runs on the host inside a container's network namespace (nsenter -n).
"""
import hashlib
import random
import socket
import struct
import sys
import time

PROTOCOL_VERSION = 70015
NODE_NETWORK = 1


def checksum(payload):
    return hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]


def frame(magic, command, payload=b""):
    return magic + command.encode().ljust(12, b"\0") + struct.pack("<I", len(payload)) + checksum(payload) + payload


def net_address(port):
    # services, IPv4-mapped 127.0.0.1, port in network byte order
    return struct.pack("<Q", NODE_NETWORK) + b"\0" * 10 + b"\xff\xff" + bytes([127, 0, 0, 1]) + struct.pack(">H", port)


def var_str(text):
    data = text.encode()
    return bytes([len(data)]) + data  # shorter than 0xfd bytes


def read_var_str(payload, offset):
    length = payload[offset]
    if length >= 0xfd:
        raise ValueError("user agent longer than 252 bytes")
    return payload[offset + 1:offset + 1 + length].decode("utf-8", "replace"), offset + 1 + length


def version_payload(port):
    return (struct.pack("<iQq", PROTOCOL_VERSION, 0, int(time.time()))
            + net_address(port) + net_address(0)
            + struct.pack("<Q", random.getrandbits(64)) + var_str("/faithcoin-packaging-check:0.1/")
            + struct.pack("<i", 0) + b"\0")


class Peer:
    def __init__(self, sock, magic):
        self.sock, self.magic, self.buffer = sock, magic, b""

    def send(self, command, payload=b""):
        self.sock.sendall(frame(self.magic, command, payload))

    def receive(self):
        while True:
            if len(self.buffer) >= 24:
                if self.buffer[:4] != self.magic:
                    raise ValueError(f"wrong message start {self.buffer[:4].hex()} (expected {self.magic.hex()})")
                length = struct.unpack("<I", self.buffer[16:20])[0]
                if len(self.buffer) >= 24 + length:
                    command = self.buffer[4:16].rstrip(b"\0").decode("ascii", "replace")
                    payload = self.buffer[24:24 + length]
                    if checksum(payload) != self.buffer[20:24]:
                        raise ValueError(f"bad checksum on {command}")
                    self.buffer = self.buffer[24 + length:]
                    return command, payload
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("the node closed the connection")
            self.buffer += chunk


def handshake(host, port, magic, timeout):
    with socket.create_connection((host, port), timeout=timeout) as sock:
        peer = Peer(sock, magic)
        peer.send("version", version_payload(port))
        version = None
        verack = False
        while version is None or not verack:
            command, payload = peer.receive()
            if command == "version":
                protocol, services = struct.unpack("<iQ", payload[:12])
                agent, offset = read_var_str(payload, 80)
                height = struct.unpack("<i", payload[offset:offset + 4])[0]
                version = (protocol, services, agent, height)
                peer.send("verack")
            elif command == "verack":
                verack = True
        nonce = random.getrandbits(64)
        peer.send("ping", struct.pack("<Q", nonce))
        while True:
            command, payload = peer.receive()
            if command == "pong" and struct.unpack("<Q", payload[:8])[0] == nonce:
                return version


def main():
    if len(sys.argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 1
    host, port = sys.argv[1], int(sys.argv[2])
    magic = bytes.fromhex(sys.argv[3] if len(sys.argv) > 3 else "fabfb5da")
    timeout = float(sys.argv[4]) if len(sys.argv) > 4 else 30
    try:
        protocol, services, agent, height = handshake(host, port, magic, timeout)
    except (OSError, ValueError, struct.error) as error:
        print(f"version handshake with {host}:{port} failed: {error}", file=sys.stderr)
        return 1
    print(f"version handshake: protocol {protocol}, services {services:#x}, user agent {agent}, height {height}, ping answered")
    return 0


if __name__ == "__main__":
    sys.exit(main())
