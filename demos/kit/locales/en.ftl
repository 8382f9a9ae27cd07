# The kit's sentences in English: the shared renderer, errors, the command
# line. Each message is one line: the renderer wraps it to the terminal.
# Placeholders ({ $name }) must be the same in every language (tests check).

cli-lang-help = The language to speak: en (English) or zh (中文). Without it, LC_ALL, LC_MESSAGES or LANG decides (zh_* means Chinese)

## Counting: `count(n, noun)` says a number of things with each language's grammar.

count-byte = { $n ->
    [one] { $n } byte
   *[other] { $n } bytes
}
count-data-segment = { $n ->
    [one] { $n } data segment
   *[other] { $n } data segments
}
count-datagram = { $n ->
    [one] { $n } datagram
   *[other] { $n } datagrams
}
count-fd = { $n ->
    [one] { $n } fd
   *[other] { $n } fds
}
count-file = { $n ->
    [one] { $n } file
   *[other] { $n } files
}
count-frame = { $n ->
    [one] { $n } frame
   *[other] { $n } frames
}
count-line = { $n ->
    [one] { $n } line
   *[other] { $n } lines
}
count-message = { $n ->
    [one] { $n } message
   *[other] { $n } messages
}
count-probe = { $n ->
    [one] { $n } probe
   *[other] { $n } probes
}
count-recv = { $n ->
    [one] { $n } recv
   *[other] { $n } recvs
}
count-request = { $n ->
    [one] { $n } request
   *[other] { $n } requests
}
count-run = { $n ->
    [one] { $n } run
   *[other] { $n } runs
}
count-segment = { $n ->
    [one] { $n } segment
   *[other] { $n } segments
}
count-send = { $n ->
    [one] { $n } send
   *[other] { $n } sends
}
count-separate-segment = { $n ->
    [one] { $n } separate segment
   *[other] { $n } separate segments
}
count-task = { $n ->
    [one] { $n } task
   *[other] { $n } tasks
}
count-whole-send = { $n ->
    [one] { $n } whole send
   *[other] { $n } whole sends
}

## The head of a section: its rule, kind and knobs.

banner-run = run { $i } of { $of }
kind-side-by-side = side by side
kind-round-trips = round trips
banner-knobs = knobs as the kernel applied them:
knob-on = on
knob-off = off

## An exchange: the sender's messages, the receiver's recvs, the frames.

verdict-label = verdict:
exchange-frames = decoded frames
exchange-frame = frame #{ $index }
exchange-frame-from = from recv #{ $recv }
exchange-frame-whole = ✓ whole
exchange-frame-differs = ✗ differs from what was sent
exchange-more-frames = … and { $frames } more, all checked
exchange-sender = sender
exchange-receiver = receiver
exchange-written-as = written as { $sizes } B
exchange-segments = { $sends } left as { $segments } ({ $source })
exchange-kernel-count = the kernel's count
exchange-segments-unavailable = ({ $why })
exchange-not-shown = … { $items } not shown …
exchange-origin-unknown = (origin unknown: this side cannot see the sender's boundaries)
exchange-truncated = ✂ truncated (MSG_TRUNC): the datagram had { $real } B, the other { $lost } B were discarded
exchange-truncated-rest = ✂ truncated (MSG_TRUNC): the rest of the datagram was discarded
exchange-length-headers = length headers:
exchange-decoder = decoder:
exchange-part-of-header = {" "}(part of a header)
exchange-not-text = (not UTF-8 text)
exchange-next-recv = the next recv
exchange-cut-here = ✂ { $character } was cut in two: { $before } here, { $after } in { $next } — decoding this chunk alone fails
exchange-cut-rest = ✂ the last { $after } of { $character }, whose first { $before } ended recv #{ $recv }
exchange-sizes = sizes of the { $recvs } (largest { $largest } B):
exchange-whole-sends = sends #{ $first } to #{ $last } ({ $sends })
exchange-at = at { $ms } ms
dump-more = … { $bytes } more bytes
segments-unavailable = segment counts come from Linux's TCP_INFO or macOS's TCP_CONNECTION_INFO, which this platform does not have
segments-unavailable-windows = segment counts are not measured on Windows: its SIO_TCP_INFO counts bytes, not segments

## TCP beside UDP.

columns-verdict = { $transport }:
columns-tcp = TCP — a byte stream
columns-udp = UDP — datagrams
columns-sent = sent: { $what }, { $bytes } B
columns-in-all = { $recvs }, { $bytes } B in all
columns-truncated = ✂ truncated
columns-truncated-had = ✂ truncated, had { $real } B

## Tables: round trips, downloads.

timing-variant = variant
timing-median = median
timing-max = max
timing-ratio = × fastest
timing-row-verdict = median { $median } ms, max { $max } ms over { $round_trips } round trips
transfer-server = server
transfer-catalogue = on { $server } — the catalogue the client received
transfer-downloads = downloads
transfer-identical = ✓ identical
transfer-not-identical = ✗ not identical to the source
units-summary = { $size } in { $secs } s ({ $speed })

## Verdicts: what a run showed, in one sentence. `$sent` is a count (`2 messages`).

verdict-glued-one-recv = { $sent } sent, 1 recv returned them glued together: the receiver cannot tell where #{ $end } ended
verdict-glued = { $sent } sent, { $recvs } returned them: recv #{ $recv } glued { $span } together, so the receiver cannot tell where #{ $end } ended
verdict-split-one-message = { $sent } sent, { $recvs } needed: each returned only part of it
verdict-split = { $sent } sent, { $recvs } needed: message #{ $message } arrived in { $parts } parts
verdict-glued-and-split = { $sent } sent, { $recvs } returned them both glued and split: recv #{ $recv } holds pieces of { $span }, and message #{ $message } arrived in { $parts } parts
verdict-one-each = { $sent } sent, { $recvs }, one message each — this time; TCP promised no such thing
verdict-how-silent = after { $received } B the sender sent nothing for { $waited } s and did not close the connection
verdict-how-reset = the sender reset the connection after { $received } B
verdict-how-closed = the sender closed the connection after { $received } B
verdict-cut-short = expected { $what } ({ $expected } B); { $how }, in { $recvs }
verdict-then-silent = ; then the sender sent nothing for { $waited } s and did not close the connection
verdict-datagrams-kept = { $sent } sent, { $recvs } returned them one each: UDP kept every boundary
verdict-datagrams-lost = { $sent } sent, { $received } received, { $lost } lost: UDP keeps boundaries, not datagrams
verdict-datagram-truncated = ; recv #{ $recv } was truncated and the rest of that datagram is gone
verdict-unknown-origin = { $recvs } returned { $bytes } bytes that are not the messages this side expected, so no byte can be traced to a send
verdict-stopped-reading = ; the sender sent more than expected, so this side stopped reading after { $limit } B
verdict-sender-side = { $sent } sent ({ $bytes } bytes); how they came out of recv is on the receiver's screen
verdict-span-two = #{ $first } and #{ $last }
verdict-span = #{ $first } to #{ $last }
tcp-info-source-macos = TCP_CONNECTION_INFO tcpi_txpackets, less the handshake's 2

## Socket options a platform lacks.

knobs-quickack-linux-only = TCP_QUICKACK exists only on Linux
knobs-cork-linux-only = TCP_CORK exists only on Linux
knobs-maxseg-unsupported = TCP_MAXSEG cannot be set on this platform

## What a program was doing when something failed (the `while …` of an error).

queue-waiting = waiting for { $bytes } bytes to arrive
queue-restoring-timeout = restoring the read timeout
stream-sending = sending message #{ $message }
stream-receiving = receiving (after { $bytes } bytes)
loopback-deadlines = setting the connection's deadlines
loopback-receiving-thread = the receiving thread
endpoint-listener-options = setting the listener's socket options
endpoint-accepting = accepting a connection
endpoint-creating-socket = creating a socket
endpoint-client-options = setting the client's socket options

## Errors: one line on stderr. `$cause` is the operating system's own words.

error-stopped = { $what } stopped unexpectedly
error-listen-in-use = cannot listen on { $addr }: the port is already in use (is another server still running? pick another port)
error-listen-no-such-address = cannot listen on { $addr }: this computer has no such address (use 0.0.0.0 to listen on every network card)
error-listen-permission = cannot listen on { $addr }: permission denied (ports below 1024 need administrator rights; try 9000)
error-listen = cannot listen on { $addr }: { $cause }
error-connect = no server answered at { $addr } after trying for { $waited } s ({ $cause }); is the server running, is the address right, and does the firewall let it in?
error-peer-closed = the peer closed the connection while { $during }
error-peer-silent-for = the peer sent nothing for { $waited } s while { $during }
error-peer-silent = the peer sent nothing before the deadline (--timeout) while { $during }
error-io = { $doing } failed: { $cause }
error-json = writing the JSON report failed: { $error }
error-internal = { $what } (a bug in the lab: please report it)

## The command line: errors, the pairing hint, start-up lines, shared options.

cli-error = error: { $error }
cli-mismatch = error: { $what } ({ $hint })
cli-see-help = { $error } (see --help)
cli-not-valid = error: the command line is not valid
cli-address-no-port = '{ $text }' has no port: write it as IP:PORT, e.g. 192.168.1.20:9000 or 127.0.0.1:9000
cli-address-not-ip = '{ $text }' is not a valid IP address and port: write it as IP:PORT, e.g. 192.168.1.20:9000 or 127.0.0.1:9000
cli-address-not-found = '{ $text }' is not an address this computer can find: write it as IP:PORT, e.g. 192.168.1.20:9000 or 127.0.0.1:9000
cli-address-none = '{ $text }' names no address: write it as IP:PORT, e.g. 192.168.1.20:9000 or 127.0.0.1:9000
cli-hint-default-flags = is { $peer } running with its default flags too?
cli-hint-same-flags = is { $peer } running with the same flags: { $flags }?
cli-message-empty = a message cannot be empty: a 0-byte send puts nothing on the wire
cli-clients-no-address = (this computer has no network address besides 127.0.0.1: connect it to the network, then find the address with ipconfig on Windows, ip addr on Linux, ipconfig getifaddr en0 on macOS)
cli-clients-more = { $n } more
cli-clients-others = (or { $others }: this computer has { $n } addresses; use the one on the other computer's network)
cli-listening = { $this }: listening on { $addr } — now start { $command }
cli-connected = { $this }: { $peer } connected
cli-connecting = { $this }: connecting to { $addr }
cli-no-deadline = '{ $text }' is no deadline: give more than 0 seconds
cli-not-seconds = '{ $text }' is not a number of seconds (0 or more, e.g. 5 or 0.5)
cli-arg-json = Print the report as one JSON document on stdout (for graders and scripts) instead of the coloured story
cli-arg-color = Colour the story: `auto` colours on a terminal unless `NO_COLOR` is set; `always` also colours into pipes; `never` prints plain text
cli-arg-listen = Address to listen on: 127.0.0.1:9000 for this computer only, 0.0.0.0:9000 to accept clients from other computers
cli-arg-connect = The server's address, e.g. 192.168.1.20:9000 (what the server printed, with the server computer's IP instead of 0.0.0.0)
cli-arg-retry_secs = Keep trying to reach the server for this many seconds, so either side may be started first
cli-arg-timeout = Once connected, give up on the other side after it sends nothing for this many seconds (a peer started with other flags, or one that never closes the connection)
lesson-two-computers = Two computers: run `{ $server } --listen 0.0.0.0:9000` here (it prints this computer's IP address; ipconfig on Windows, ip addr or ifconfig elsewhere show it too), allow the port through the firewall, and run `{ $client } --connect THAT_IP:9000` on the other computer.

## Clap's own words in `--help` (English keeps clap's).

help-usage = Usage:
help-options = Options
help-arguments = Arguments
help-help = Print help
help-version = Print version
help-default = [default: { $value }]
help-values = [possible values: { $values }]
help-values-heading = Possible values:
cli-value-color-auto = Colour when stdout is a terminal and `NO_COLOR` is unset
cli-value-color-always = Always colour, even into a pipe or a file
cli-value-color-never = Never colour

# Command-line mistakes in the lab's words (shown in the languages other
# than English; English keeps clap's own sentences).
cli-unknown-argument = there is no option { $arg }
cli-unknown-argument-suggested = there is no option { $arg }; did you mean { $suggested }?
cli-invalid-value = { $arg } does not take '{ $value }': it takes { $valid }
cli-value-refused = { $arg } '{ $value }': { $why }
cli-missing = { $arg } is needed
cli-conflict = { $arg } cannot be used with { $prior }
cli-value-needed = { $arg } needs a value
