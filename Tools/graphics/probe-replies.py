# Sends GraphicsCapabilities.query on /dev/tty in raw mode and writes whatever arrives within 1 s to argv[1].
# Used by record-replies.sh; the query bytes are the same as in Sources/TerminalUI/Graphics/GraphicsCapabilities.swift.
import os, select, sys, time, tty, termios
fd = os.open("/dev/tty", os.O_RDWR)
old = termios.tcgetattr(fd)
tty.setraw(fd)
try:
    os.write(fd, b"\x1b_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\\x1b[16t\x1b[14t\x1b[?1;1;0S\x1b[c")
    data = b""; end = time.time() + 1.0
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.1)
        if r: data += os.read(fd, 1024)
finally:
    termios.tcsetattr(fd, termios.TCSADRAIN, old)
open(sys.argv[1], "wb").write(data)
