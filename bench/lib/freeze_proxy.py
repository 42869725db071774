"""A TCP proxy that can freeze: forwards 127.0.0.1:LISTEN to TARGET; on SIGUSR1 it stops moving
bytes in both directions (connections stay open, nothing is answered) for FREEZE seconds.

  freeze_proxy.py LISTEN_PORT TARGET_HOST TARGET_PORT FREEZE_SECONDS
"""
import asyncio, signal, sys, time

LISTEN, HOST, PORT, FREEZE = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
frozen_until = 0.0


async def pipe(reader, writer):
    try:
        while True:
            data = await reader.read(65536)
            if not data:
                break
            while time.monotonic() < frozen_until:
                await asyncio.sleep(0.05)
            writer.write(data)
            await writer.drain()
    except Exception:
        pass
    finally:
        try: writer.close()
        except Exception: pass


async def handle(cr, cw):
    while time.monotonic() < frozen_until:
        await asyncio.sleep(0.05)
    try:
        sr, sw = await asyncio.open_connection(HOST, PORT)
    except Exception:
        cw.close(); return
    await asyncio.gather(pipe(cr, sw), pipe(sr, cw))


def freeze():
    global frozen_until
    frozen_until = time.monotonic() + FREEZE
    print("frozen for", FREEZE, "s", flush=True)


async def main():
    asyncio.get_running_loop().add_signal_handler(signal.SIGUSR1, freeze)
    server = await asyncio.start_server(handle, "127.0.0.1", LISTEN)
    print("listening", LISTEN, flush=True)
    async with server:
        await server.serve_forever()

asyncio.run(main())
