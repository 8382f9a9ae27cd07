# The Nagle lesson's sentences in English: run labels, the notes that
# explain each measured run, verdicts, usage errors and the programs' --help.
# Each message is one line: the renderer wraps it to the terminal.
# Placeholders ({ $name }) must be the same in every language (tests check).
# Times arrive already formatted ("43.99"): the notes quote what was measured.

## --help

nagle-server-about = Answers nagle-client: a 2-byte reply to every request (the stall variants), or the three warm-ups and then a prompt read of the burst. Give it the same --variant as the client.
nagle-client-about = Connects to nagle-server and, depending on --variant, times request round trips (header and body as two writes: each waits for the peer's delayed ACK with Nagle on, ~40 ms on Linux and ~200 ms on Windows) or sends nine one-byte writes after three warm-ups.
nagle-server-arg-variant = What to run; give both sides the same one
nagle-client-arg-variant = What to run; give both sides the same one
nagle-server-arg-round_trips = Round trips of the stall (the client decides; the server answers as many as come)
nagle-client-arg-round_trips = Round trips of the stall (the client decides; the server answers as many as come)
choice-nagle = The stall with the defaults: header and body as two writes
choice-nodelay = The stall with `TCP_NODELAY` on the client
choice-quickack = The stall with `TCP_QUICKACK` re-armed on the server before every read (Linux)
choice-quickack-once = The stall with `TCP_QUICKACK` set once on the server (Linux)
choice-cork = The stall with `TCP_CORK` around the client's two writes (Linux)
choice-combined = The stall avoided: header and body in one write
choice-burst = Nine one-byte writes after three warm-ups, Nagle on
choice-burst-nodelay = Nine one-byte writes after three warm-ups, `TCP_NODELAY` on
choice-minshall = A full segment, then two one-byte writes: which one waits (Linux)

## Usage errors

usage-needs-linux-option = '{ $variant }' needs a Linux socket option (TCP_QUICKACK or TCP_CORK) that this platform does not have
usage-minshall-needs-linux = 'minshall' needs Linux: the sender reads TCP_INFO to see which write its kernel held back, and this platform has no TCP_INFO

## The stall

stall-label = a request written as a 4-byte header and a body, then the reply read
variant-nagle = Nagle on (the default)
variant-nodelay = TCP_NODELAY on the client
variant-quickack = TCP_QUICKACK re-armed before every read
variant-quickack-once = TCP_QUICKACK set once
variant-cork = TCP_CORK around the two writes
variant-combined = one combined write
why-fast-nodelay = TCP_NODELAY sent each body at once, without waiting for the header's ACK
why-fast-cork = TCP_CORK held each header until its body joined it, so one segment left and nothing waited for an ACK
why-fast-combined = header and body left in one write, as one segment: nothing waited for an ACK
why-fast-quickack = the server ACKed each header at once, as TCP_QUICKACK re-armed before every read makes it do
why-fast-server = the server ACKed each header at once — Linux ACKs the first segments of a connection without delay, so a few round trips can end before delayed ACK starts (try --round-trips 20), and a server re-arming TCP_QUICKACK (--variant quickack) never delays
note-nagle-held = Nagle's algorithm held the body (a small write) while the header, a small segment sent just before, was unACKed — Linux holds a small write only while an earlier small segment is in flight (Minshall's rule); RFC 896 holds it while any data is
note-server-delayed = the server delayed that ACK, hoping to send it with a reply — and the reply waited for the body: { $ms } ms a round trip in the slowest row
note-no-stall = no round trip stalled this time (the slowest median was { $ms } ms): { $why }
note-quickack-cleared = TCP_QUICKACK is cleared by the kernel after use: set once it changed nothing ({ $once } ms); re-armed before every read it ended the stall ({ $rearmed } ms)
note-quickack-both = TCP_QUICKACK set once: { $once } ms a round trip; re-armed before every read: { $rearmed } ms
note-not-on-platform = not on this platform (TCP_QUICKACK and TCP_CORK exist only on Linux): { $variants }
list-separator = {", "}
verdict-answered = answered { $n ->
    [one] { $n } request
   *[other] { $n } requests
}; the round-trip times are on the client's screen
doing-round-trip = round trip #{ $n }
doing-setting-quickack = setting TCP_QUICKACK
doing-rearming-quickack = re-arming TCP_QUICKACK
doing-reading-request = reading a request
doing-replying = replying
doing-timing = timing round trips
during-sending-body = sending a request body
during-sending-request = sending a request
error-body-not-ours = a { $len }-byte body is not one of ours
error-no-round-trip = no round trip was made

## The burst

label-burst-nagle = { $writes } one-byte writes after { $warmups } warm-ups, prompt reader, Nagle on
label-burst-nodelay = { $writes } one-byte writes after { $warmups } warm-ups, prompt reader, TCP_NODELAY on
reader-burst = prompt: answered { $warmups } one-byte warm-ups, then recv({ $size }) as soon as anything arrived
burst-segments = { $n ->
    [one] { $n } data segment
   *[other] { $n } data segments
} in all,{" "}
burst-one-recv = all in one recv
burst-spread = the last byte { $ms } ms after the first
note-burst-waited = the first byte left at once; the rest waited { $wait } ms for its ACK, which the receiver delayed: { $segments }{ $when }
note-burst-tutorial = this is the gluing the tutorial blames on Nagle — real, but only for a sender that writes while an earlier small segment is unACKed, and never the only cause
note-burst-no-wait = no write waited this time: { $segments }{ $when }{ $joined }
burst-not-nagle = {" "}— whatever joined bytes in one recv here, it was not Nagle's algorithm
doing-warm-up = warm-up #{ $n }
doing-answering-warm-up = answering warm-up #{ $n }

## Minshall's rule

minshall-label = a full segment, then two one-byte writes, after 3 warm-ups: which small write waits?
column-write = write
column-unacked = unACKed segments
column-held = bytes held back
column-kernel = the kernel
minshall-no-tcp-info = this platform does not report TCP_INFO, so the sender cannot see which write its kernel held back; run this part on Linux
write-full-segment = full segment
write-row = { $name } ({ $len } B)
kernel-sent = sent it at once
kernel-held = held it back
verdict-minshall = "a" left at once although a full segment was unACKed, and "b" waited behind the small "a": this kernel follows Minshall's rule, not RFC 896's
note-rfc-896 = RFC 896 (Nagle, 1984) says a small write waits while any sent data is unACKed — it would have held "a" behind the { $len } B segment
note-minshall-linux = Linux uses Minshall's refinement: a small write waits only while an earlier small segment is unACKed — so "a" went, and "b" waited for "a"'s ACK, which the receiver delayed
note-either-way = either way, TCP_NODELAY would have sent all three at once; and either way, a late reader gets the bytes glued
verdict-expected-writes = expected 3 writes, saw { $n }
what-acked-first = the receiver ACKed the full segment before "a" was written, so nothing was in flight for Nagle's rule to look at
what-held-like-rfc = "a" was held back behind the full segment, as RFC 896 says (this kernel does not use Minshall's rule)
what-a-acked = "a" was ACKed before "b" was written, so "b" had nothing to wait for
verdict-this-time = this time { $what }; run it again
reader-minshall = late: answered 3 warm-ups, then waited until the sender closed before the first recv
doing-sending-write = sending write #{ $n }

## The late reader

label-late-reader = late reader, TCP_NODELAY on, one character per send
note-latency-not-framing = so TCP_NODELAY is a latency fix, not a framing fix: "turn off Nagle" is a wrong answer to sticky packets; the receiver needs to know where each message ends

nagle-server-after-help = Over a real network the round trips are longer, and the delayed ACK comes on top: 40 ms on Linux, about 200 ms on Windows, 100 to 200 ms on macOS.
