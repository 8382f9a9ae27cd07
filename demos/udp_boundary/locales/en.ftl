# The UDP lesson's sentences in English: run labels, the receiver's
# description, verdicts, notes, start-up lines, errors and the programs'
# --help. Each message is one line (a plural choice spans a few): the
# renderer wraps it to the terminal.
# Placeholders ({ $name }) must be the same in every language (tests check).

status-listening = { $this }: listening on { $addr } — now start { $peer } --connect { $clients }{ $flags }{ $note }
status-sending = { $this }: { $peer } is sending
status-looking = { $this }: looking for udp-server at { $addr }
status-answered = { $this }: udp-server answered from { $from } after { $secs } s; sending { $count ->
        [one] { $count } datagram
       *[other] { $count } datagrams
    }

label-server = datagrams read with recv({ $size })
label-client = each message as one datagram
label-alone = the tutorial's two messages as datagrams, read late
label-side-by-side = the same two messages, read late: TCP stream, UDP datagrams
label-truncation = recv(16): a buffer smaller than the 30-byte message
label-too-big = the largest datagram: 65507 B, and one byte more
label-overflow = 1000 × 1400 B to a receiver that is not reading

reader-server = recv({ $size }) once per datagram as each arrived, { $until }
reader-late = late: read once the sender was done; recv({ $size }) per datagram { $until }
reader-tcp-all = late: did not read until all { $queued } B were queued, then recv({ $buffer }) until the sender closed
reader-tcp-stopped = late: did not read until its queue stopped growing, at { $queued } B, then recv({ $buffer }) until the sender closed
reader-tcp-late = late
until-it = until it had come
until-all = until all { $expected } had come
until-quiet = until none had come for { $ms } ms

verdict-client = { $count ->
        [one] { $count } datagram
       *[other] { $count } datagrams
    } sent ({ $bytes } bytes); how they came out of recv is on udp-server's screen
note-client = every send returned at once: UDP does not wait for the receiver, and would not tell this client if a datagram were lost

refused-one = the sender's own kernel refused send #{ $index } ({ $len } B): { $why } — that datagram never left
refused-many = the sender's own kernel refused { $refused } of the { $of } sends (the first, #{ $index }: { $why }) — those datagrams never left

note-one-each = UDP: each datagram was queued as a unit, and each recv took exactly one unit off the queue — although all { $sends } were waiting
note-one-each-room = UDP: each datagram was queued as a unit, and each recv took exactly one unit off the queue — although all { $sends } were waiting and the { $recv_size }-byte buffer had room for all { $bytes } B
note-never-came = { $missing } of the { $expected } expected never came: lost on the way, or dropped by a full queue — UDP does not resend, and nobody was told
tcp-not-glued = TCP: this time no recv held bytes of two sends ({ $recvs ->
        [one] { $recvs } recv
       *[other] { $recvs } recvs
    } for { $sends ->
        [one] { $sends } send
       *[other] { $sends } sends
    }) — timing, not a promise: a byte stream keeps no record of where a send ended
tcp-glued-separate = TCP: with TCP_NODELAY on, the { $sends ->
        [one] { $sends } send
       *[other] { $sends } sends
    } left as { $segments ->
        [one] { $segments } data segment
       *[other] { $segments } data segments
    } (TCP_INFO) — separate, like datagrams — and the receive queue still joined them: a byte stream keeps no record of where a send ended, so recv returns whatever is queued
tcp-glued-merged = TCP: the { $sends ->
        [one] { $sends } send
       *[other] { $sends } sends
    } left as { $segments ->
        [one] { $segments } data segment
       *[other] { $segments } data segments
    } (TCP_INFO), and the receive queue joined them: a byte stream keeps no record of where a send ended, so recv returns whatever is queued
tcp-glued = TCP: the receive queue joined the sends: a byte stream keeps no record of where a send ended, so recv returns whatever is queued

trunc-then = , so recv #{ $next } returned the next datagram, not the rest
trunc-real = UDP: recv #{ $index } had a { $len }-byte buffer for a { $real }-byte datagram: it returned the first { $len } B and set MSG_TRUNC; the other { $gone } B were discarded{ $then }
trunc-unknown = UDP: recv #{ $index } returned the first { $len } B of a datagram that did not fit and set MSG_TRUNC; the rest was discarded{ $then }
trunc-no-real-len = this platform does not report how long a truncated datagram really was (Linux does: recv with the flags MSG_TRUNC | MSG_PEEK returns the full length)
trunc-cut-character = recv #{ $index }'s cut fell inside a character, whose other bytes were discarded with the rest: that datagram can never be decoded whole
trunc-only-flag = only recvmsg's MSG_TRUNC flag tells: a plain recv — Rust's UdpSocket::recv, Python's sock.recv({ $len }) — returns the cut bytes without a word on Linux and macOS (Windows raises WSAEMSGSIZE; the rest is gone there too)
trunc-tcp = TCP: recv({ $recv_size }) left the rest queued, and each recv returned the next bytes of the stream, across the message boundary — split (半包) and glued (粘包), but not a byte lost

big-refused = a { $size }-byte one was refused by send: { $why }
big-whole = a { $size }-byte datagram went through whole, in one recv
big-cut = a { $size }-byte datagram arrived cut to { $len } B
big-lost = a { $size }-byte datagram was sent but never arrived
big-limit = { $largest } = 65535 (the largest IPv4 packet: its total-length field has 16 bits) − 20 (IPv4 header) − 8 (UDP header): a datagram must fit in one IPv4 packet, so the kernel refuses a larger one at send time and nothing reaches the network
big-macos = macOS refused even { $size } B: it limits a datagram to the socket's send buffer, SO_SNDBUF, which starts at net.inet.udp.maxdgram (9216 B by default)
big-below = this system refused even { $size } B: its own limit is below IPv4's
big-refusal-error = the refusal is an error from send itself, at once: a program that ignores it believes it sent something (Python raises OSError: Message too long)
big-fragments = on a real network a datagram larger than the path's MTU (1500 B on Ethernet) leaves as IP fragments, and losing any one fragment loses the whole datagram

overflow-tcp-summary = TCP: { $messages ->
        [one] { $messages } message
       *[other] { $messages } messages
    } sent ({ $sent } B), { $received } B received in { $recvs ->
        [one] { $recvs } recv
       *[other] { $recvs } recvs
    }, { $lost } B lost
overflow-tcp-flow-control = TCP's flow control: the receiver's queue filled up at { $queued } B, its window closed, and the sender's send waited until the reader made room — slowed down, not dropped
overflow-tcp-room = TCP: the receiver's queue had room for all { $queued } B; had it filled up, flow control would have held the sender back
overflow-tcp-glued = TCP: every byte arrived, but glued and split — the 1000 boundaries are gone
overflow-udp-summary = UDP: { $datagrams ->
        [one] { $datagrams } datagram
       *[other] { $datagrams } datagrams
    } sent ({ $sent } B), { $received } received ({ $got } B), { $lost } lost — on loopback, with no network in between
overflow-udp-first = #1 to #{ $received } arrived: they filled the receiver's queue, and every later datagram found it full and was dropped
overflow-udp-arrived = the datagrams that arrived: { $list }
overflow-udp-no-flow-control = every send returned at once: UDP has no flow control, so the sender never learned that nobody was reading
overflow-udp-no-flow-control-room = every send returned at once: UDP has no flow control, so the sender never learned that nobody was reading; the receiver's SO_RCVBUF of { $rcvbuf } B held { $received } datagrams — about { $each } B each for { $size } B of data: the kernel charges its own bookkeeping too
overflow-udp-counted = Linux counted { $dropped } receive-buffer drops meanwhile (RcvbufErrors in /proc/net/snmp, netstat -su; for the whole computer, other programs included)
overflow-udp-gone = a lost datagram is gone: UDP has no retransmission, and on a real network datagrams are also reordered and duplicated — a program that needs them all must number, acknowledge and resend them itself
range = #{ $first } to #{ $last }
list-separator = ,{" "}
clause-separator = ;{" "}

no-answer = no udp-server answered at { $addr } after { $secs } s ({ $probes ->
        [one] { $probes } probe
       *[other] { $probes } probes
    }, { $how }); is udp-server running, is the address right, and does the firewall let UDP port { $port } in?
no-answer-refused = port unreachable: nothing has that UDP port open
no-answer-silent = no reply at all

during-first-byte = waiting for its first byte
during-bound-address = reading the bound address
during-deadline = setting the socket's deadline
during-sending = sending datagram #{ $index }
during-receiving = receiving (after { $count } datagrams)
during-restoring = restoring a blocking socket
during-answering-probe = answering the probe from { $to }
during-awaiting-client = waiting for udp-client
during-probing = probing { $addr }
during-awaiting-answer = waiting for the server's answer
during-creating = creating a UDP socket
during-receiver-address = reading the receiver's address

udp-server-about = Receives udp-client's datagrams and shows what each recv returned: one datagram per recv, never two glued together — and with --recv-size smaller than a datagram, the datagram cut short and the rest gone.{"\u000A\u000A"}Give it the same --message list as the client: it stops once it has that many datagrams (or none has come for --timeout) and traces each recv to the datagram it holds.
udp-client-about = Sends each message to udp-server as one datagram. Watch the server's screen: one recv per datagram, never glued together.{"\u000A\u000A"}UDP has no connection to wait for, so the client first probes: it sends a small probe datagram every 100 ms until udp-server answers (for --retry-secs), and only then sends the messages.
udp-server-arg-messages = { arg-messages }
udp-client-arg-messages = { arg-messages }
arg-messages = A message sent as one datagram (repeat for each, in order; give both sides the same list). Defaults to the tutorial's "下雨天留客天留人" then "不留". An empty one is sent as a real, empty datagram
udp-server-arg-recv_size = The buffer handed to each recv, in bytes (at most 65536: no datagram is larger). Smaller than a datagram, it truncates the datagram and the rest is discarded: try 16

udp-server-after-help = UDP needs its own firewall rule: allow UDP port 9000, not TCP.
