# The fix lesson's sentences in English: run labels, the decoder's state,
# verdicts, notes, fixed-slicer's lines and the programs' --help. Each
# message is one line (a plural choice spans a few): the renderer wraps it
# to the terminal.
# Placeholders ({ $name }) must be the same in every language (tests check).

label-sticky = framed: the sticky demo's two messages
label-half = framed: the half demo's sentence
label-staged = framed: the sentence written in pieces of 2, 5, 13 bytes and the rest
label-small-queue = framed: a 256 KiB message, SO_RCVBUF 4096 B asked
label-nagle = framed: ten one-character sends, TCP_NODELAY on

state-between = between frames: waiting for a 4-byte header
state-header = holding { $have } of the 4 header bytes; waiting for { $need } more
state-body = holding { $have ->
        [one] { $have } byte
       *[other] { $have } bytes
    } of a { $len }-byte message; waiting for { $need } more
state-stopped = stopped: { $error }
state-complete = { $frames } complete; { $state }
frames-one = frame { $frame }
frames-range = frames { $first } … { $last }
frames-list = frames { $list }
list-separator = ,{" "}

decode-too-large = a header announced a { $len }-byte message, more than the { $max } bytes this side accepts (a corrupt stream, or a sender that frames differently)
decode-truncated-body = the stream ended { $got } bytes into a { $len }-byte message
decode-truncated-header = the stream ended { $got } bytes into a { $header }-byte length header

note-whole = the 4-byte header tells the receiver how long each message is, so it no longer matters where the network cut the bytes: the decoder simply waits for the rest
note-not-frames = the bytes that came are not the frames this side expected: a sender with another framing (or none), other messages, or a stream cut short

verdict-frames = { $sent ->
        [one] { $sent } frame
       *[other] { $sent } frames
    } sent, { $recvs ->
        [one] { $recvs } recv
       *[other] { $recvs } recvs
    } { $shape }; { $outcome }
shape-one-each = returned { $sent ->
        [one] it
       *[other] them
    } one frame each
shape-glued = returned { $sent ->
        [one] it
       *[other] them
    } glued
shape-split = returned { $sent ->
        [one] it
       *[other] them
    } split
shape-glued-split = returned { $sent ->
        [one] it
       *[other] them
    } glued and split
outcome-one = the decoder rebuilt the message whole
outcome-both = the decoder rebuilt both messages whole
outcome-all = the decoder rebuilt all { $sent } messages whole
decoded-stopped = the decoder stopped: { $error }
decoded-only = only { $whole } of { $sent } messages came out whole
verdict-unexpected = expected { $sent ->
        [one] { $sent } frame
       *[other] { $sent } frames
    } ({ $expected } B); { $recvs ->
        [one] { $recvs } recv
       *[other] { $recvs } recvs
    } returned { $bytes ->
        [one] { $bytes } byte
       *[other] { $bytes } bytes
    } that are not those frames; { $decoded }
verdict-stopped-reading = ; this side stopped reading after { $limit } B
verdict-cut = { $cut }; { $decoded }
count-frames = { $sent ->
        [one] { $sent } frame
       *[other] { $sent } frames
    }

fixed-server-about = Receives fixed-client's frames — 4-byte big-endian length, then the message — and decodes them. The chunks recv returns are as glued or as split as in the earlier demos; every message still comes out whole. Any client that sends struct.pack("!I", len(data)) + data works too.
fixed-client-about = Connects to fixed-server (or to fixed-slicer in front of it) and sends the scenario's messages, each as one frame: the bytes of Python's struct.pack("!I", len(data)) + data.
fixed-server-arg-prompt = Read as soon as bytes arrive (with a 64 KiB buffer) instead of the scenario's own late reader: through fixed-slicer this shows every piece as its own recv
fixed-server-arg-scenario = { arg-scenario }
fixed-client-arg-scenario = { arg-scenario }
fixed-server-arg-messages = { arg-messages }
fixed-client-arg-messages = { arg-messages }
arg-scenario = Which demo's traffic to send, now framed
arg-messages = Send these messages instead (repeat for each, in order; give the server the same list so it can check every frame)
scenario-sticky = The sticky demo: the tutorial's two messages; the server reads late
scenario-half = The half demo: the tutorial's sentence; the server reads with recv(16)
scenario-nagle = The nagle demo: ten one-character messages with `TCP_NODELAY`; read late

side-client = client
side-server = server
direction-client-to-server = client→server
direction-server-to-client = server→client
slicer-listening = { $me }: listening on { $addr } and forwarding to { $upstream } in pieces of { $size }, { $delay } µs apart — point the client at { $clients }{ $note }
slicer-size-exact = { $low } B
slicer-size-range = ~{ $average } B ({ $low }–{ $high } B)
slicer-error = { $me }: { $error }
slicer-connection = { $me }: connection #{ $number } from { $peer }, dialling { $upstream }
slicer-connection-error = { $me }: connection #{ $number }: { $error }
slicer-closed = { $me }: connection #{ $number } closed: { $summary }
slicer-ended-early = { $me }: connection #{ $number } ended early, { $why }: { $summary }
slicer-flow = { $direction } { $bytes } B in { $pieces ->
        [one] { $pieces } piece
       *[other] { $pieces } pieces
    }
slicer-flows = { $there }, { $back }
slicer-same-address = --upstream { $upstream } is the slicer's own --listen address: it would forward to itself
slicer-dump-heading = { $direction } piece #{ $index }  { $len } B  (stream bytes { $offset }..{ $end })
slicer-thread-stopped = the forwarding thread stopped unexpectedly
slicer-silent = the { $sender } kept its side open, silent, { $secs } s after the { $receiver } had finished
slicer-reset = the { $side } reset the connection
slicer-closed-already = the { $side } had already closed the connection
slicer-stopped-reading = the { $side } stopped reading, and the slicer stopped writing to it
slicer-setting-deadlines = setting deadlines toward the { $side }
slicer-reading = reading from the { $side }
slicer-writing = writing to the { $side }
slicer-nodelay-client = turning on TCP_NODELAY toward the client
slicer-nodelay-server = turning on TCP_NODELAY toward the server

fixed-slicer-about = Forwards TCP connections to a server, cutting every chunk into pieces of about --average bytes written --delay-us apart: each piece reaches the receiver as a recv of its own (半包). The bytes are never changed, only cut. A receiver with real framing (a length header) does not mind
fixed-slicer-after = Example: start a server on port 9000, then `fixed-slicer --upstream 127.0.0.1:9000 --listen 127.0.0.1:9001 --average 3 --dump` and point the client at port 9001 instead of 9000.
fixed-slicer-arg-listen = Address the slicer listens on for clients: 127.0.0.1:9001 for this computer only, 0.0.0.0:9001 for clients on other computers
fixed-slicer-arg-upstream = The real server's address (the lab's servers listen on 9000): every client gets its own connection to it
fixed-slicer-arg-average = The average piece size in bytes
fixed-slicer-arg-variation = Each piece is average ± up to this many bytes (drawn at random, never below 1); 0 cuts every piece to exactly --average
fixed-slicer-arg-delay_us = Microseconds between two pieces: the pause that lets each piece arrive as a recv of its own
fixed-slicer-arg-seed = Seed of the piece sizes: the same seed cuts the same stream at the same places
fixed-slicer-arg-dump = Hex-dump every piece on stderr, with its direction, index and size
fixed-slicer-arg-once = Serve a single connection, then exit
fixed-slicer-arg-retry_secs = Keep trying to reach the server for this many seconds for each client, so the slicer and the server may start in either order
fixed-slicer-arg-close_timeout = Once one side has closed its direction, how many seconds the other may keep its side open without sending before the slicer closes both connections (a server still waiting for a client that left)
fixed-slicer-arg-color = Colour the dump: `auto` colours when stderr (where the dump goes) is a terminal and `NO_COLOR` is unset

fixed-server-after-help = Put fixed-slicer between client and server to re-chunk the stream any way you like: every message still comes out whole.
