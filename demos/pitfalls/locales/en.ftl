# The pitfalls lesson's sentences in English: each broken and correct run's
# label, what the code under study concluded beside each recv, verdicts,
# notes and tables. Each message is one line: the renderer wraps it.
# Placeholders ({ $name }) must be the same in every language (tests check).
# Python and Rust code in a message stays as it is in every language.

## The bench

said-separator = {"; "}
pieces-of = pieces of { $low } bytes
pieces-between = pieces of { $low } to { $high } bytes
pieces = the slicer cut the stream into { $size }, { $ms } ms apart
doing-running = running { $who }
who-sending-server = the sending server
who-slicer = the slicer
error-thread-panicked = its thread panicked
doing-nodelay = turning on TCP_NODELAY
doing-receiving = receiving (after { $n } bytes)
during-reading-exactly = reading { $n } bytes (got { $got })
doing-reading-rest = reading what was left
size-bytes = { $n ->
    [one] { $n } byte
   *[other] { $n } bytes
}
size-bytes-pictured = { $n } bytes ({ $size })
size-unknown = unknown length
decoder-stopped = stopped: { $error }
decoder-complete = { $count ->
    [one] frame
   *[other] frames
} { $frames } complete; { $state }
reader-decoder = prompt: recv(1024), each chunk pushed into the decoder

## (a) counting

label-a-broken = (a) broken · have += 1024, whatever recv returned
label-a-correct = (a) correct · have += len(chunk), asking only for what is missing
reader-a-broken = prompt: recv(4), then recv({ $size }) while have < total, as the tutorial's client
reader-a-correct = prompt: recv(min(1024, total - have)) until have == total
note-a-pieces = { $pieces }; a prompt reader gets one piece per recv, as on a slow or busy network
note-a-counts-asked = the tutorial's loop `while have < total: data += client.recv(1024); have += 1024` counts what it asked for: recv(1024) returns at most 1024 bytes — whatever is queued, down to one
note-a-lost = from here the client is lost: it waits for a message of { $size } that was never sent, and every later read is out of step ({ $unread } left unread)
verdict-a-correct = the same pieces, { $recvs ->
    [one] { $recvs } recv
   *[other] { $recvs } recvs
} of { $sizes } B: the loop added what each recv returned and asked only for the bytes still missing — { $whole } of { $total } messages whole
note-a-correct = have += len(chunk): the count follows the bytes, not the request; and a recv that returns b"" means the peer closed early, which is an error, not the end of a message
said-a-head-short = head = recv(4) returned { $got }: struct.unpack raises struct.error
said-recv-again = { $have } < { $total }: recv again
said-loop-ends = { $have } ≥ { $total }: the loop ends, len(data) = { $len }
said-recv-returned = recv returned { $n }, have += 1024 → { $next }
said-inside-message = {" "}— bytes { $from }..{ $to } of message 1
said-next-head = next head = recv(4) → total = { $total }{ $inside }
said-next-head-short = next head = recv(4) came up short: struct.unpack raises struct.error
during-reading-header = reading a header ({ $n } of 4 bytes)
said-header-total = header → total = { $total }
during-reading-message = reading a { $total }-byte message (got { $got })
said-have = have += { $n } → { $have } of { $total }
verdict-a-kept = it stopped after { $recvs ->
    [one] { $recvs } recv
   *[other] { $recvs } recvs
} with { $data } of the { $total } bytes
verdict-a-nothing-lost = nothing was lost — the bug stayed hidden this time
verdict-a-lost = { $lost } bytes of message 1 never reached data
verdict-a-swallowed = and { $swallowed } bytes of message 2 glued onto it
verdict-a-next = ; the next recv(4) read { $hex } as a length: { $size }
verdict-a-broken = the loop counted 1024 per recv, but recv returned { $returned }: { $kept }; { $damage }{ $next }

## (b) half a header

label-b-broken = (b) broken · head = client.recv(4): one recv for the header
label-b-correct = (b) correct · every chunk into the decoder, which waits for all 4 header bytes
reader-b-broken = prompt: one recv(4) for the header, as the tutorial's client
verdict-b-broken = recv(4) returned { $got }, { $hex }: half a header. Python stops with { $error }; code that uses the buffer anyway reads { $read_hex } = a { $read }-byte message (the header said { $announced }), and every later read is out of step
verdict-b-whole = recv(4) returned all 4 header bytes this time: the reader was late enough for the pieces to queue up again — the bug stayed hidden
note-b-pieces = { $pieces }: no piece holds a whole 4-byte header
note-b-at-most = recv(4) means 'at most 4': the header is bytes of the stream like any other, and the network may cut it anywhere
verdict-b-correct = the same pieces, { $recvs ->
    [one] { $recvs } recv
   *[other] { $recvs } recvs
} of at most { $largest } bytes: the decoder kept each part of a header until it had all 4 — { $frames } of { $total } messages whole
note-b-correct = in Python: read exactly n bytes with a loop — `while len(buf) < n: chunk = sock.recv(n - len(buf)); if not chunk: raise ConnectionError; buf += chunk` — for the header and again for the body
said-b-short = head = recv(4) returned { $n } of 4 bytes → { $error }; as a zero-filled int: total = { $total }

## (c) a short write

label-c-broken = (c) broken · conn.send(frame): one write on a non-blocking socket, its count ignored
label-c-correct = (c) correct · sendall / write_all: write again until every byte is taken
reader-c = reads only after the first write returned, then recv({ $size }) into the decoder
then-error = ; then { $error }
verdict-c-broken = write() took { $taken } of the { $asked } bytes of frame 1 and the code went on with frame 2: the receiver, trusting the header's { $big }, read frame 2 as part of message 1{ $got } — { $frames } of 2 messages whole
verdict-c-not-short = write() took all { $asked } bytes at once on this platform: no short write this time, so the ignored count did no harm — the code is still wrong
note-c-sndbuf = a small SO_SNDBUF ({ $sndbuf } B asked) and a receiver that does not read yet: the kernel takes only what fits in the send buffer and the receiver's window, and a non-blocking write returns at once with that count
note-c-python-docs = Python's documentation of socket.send: "Returns the number of bytes sent. Applications are responsible for checking that all data has been sent"; a socket with a timeout (settimeout) is non-blocking inside, so its send can come up short too
verdict-c-correct = the first write took { $taken } of { $asked } bytes here too; the loop wrote the other { $rest } as the receiver made room — { $frames } of 2 messages whole
note-c-sendall = sendall loops over send until every byte is taken; Rust's write_all does the same, and on a non-blocking socket each retry waits until the socket can take more
doing-nonblocking = making the socket non-blocking
doing-sending-frame = sending frame #{ $n }
doing-blocking-again = making the socket blocking again

## (d) byte order

label-d-broken = (d) broken · struct.pack("i", 24) → 18 00 00 00, read in network byte order
label-d-correct = (d) correct · struct.pack("!I", 24) → 00 00 00 18, on every machine
reader-d = prompt: recv(1024), each chunk pushed into a network-order decoder
refused-too-large = , which refused it: more than the { $max } bytes it accepts
refused-other = : { $error }
verdict-d-broken = the header { $hex } meant 24 to the little-endian sender and { $size } to the network-order receiver{ $refused } — { $frames } of 2 messages came out
note-d-pieces = { $pieces }; the cuts are not the problem here
note-d-native = "i" is native byte order: 24 is 18 00 00 00 on x86 and ARM, which agree with each other, so the tutorial's code works in class; a big-endian machine, or any receiver using network order, reads 0x18000000
note-d-no-limit = without a limit the receiver would wait for { $read } bytes that never come; this decoder refuses anything over { $max } bytes before waiting for any
verdict-d-correct = the header { $hex } reads as { $len } on any machine — { $frames } of 2 messages whole
note-d-network = "!" is network byte order (big-endian) and "I" unsigned: the same bytes as this lab's frame header, Java's DataOutputStream.writeInt and tokio-util's LengthDelimitedCodec
label-d-too-big = (d) a 3 GB length: signed 32 bits cannot hold it
column-call = the call
column-gives = what it gives
verdict-d-too-big = "i" holds lengths up to { $imax } bytes (2 GiB − 1): a 3 GB file cannot be announced at all, and read back as signed its length is negative; "!I" holds up to { $umax } (4 GiB − 1), and a longer body needs a 64-bit length, "!Q"
note-d-wrapped = { $three }u32 as i32 is { $wrapped }: a receiver unpacking a signed length gets a negative total, and the tutorial's `while have < total` never runs — an empty file
note-d-none = codec::frame::header returns None: no 4-byte frame can describe 4 GiB; "!Q" is 8 bytes, up to 16 EiB

## (e) the menu

label-e-too-long = (e) broken · movie_pickle = client.recv(1024): a menu of { $names } names, { $len } B
reader-e-late = late: waited until all { $len } B were queued, then one recv(1024), as the tutorial's client
verdict-e-too-long = recv(1024) returned { $got } of the { $len } bytes — it never returns more than 1024 — and the menu does not parse: { $error }
verdict-e-parsed = the menu parsed: { $n } names
note-e-queued = the whole menu was queued before the recv, so the buffer size alone cut it: this happens on every run, on any network; the other { $rest } bytes stay queued, where the next read — the first file's header — takes them for a length
note-e-pickle = the tutorial sends a pickle: cut short, pickle.loads raises "pickle data was truncated"; and unpickling bytes from the network runs whatever code the sender chose — never unpickle what a peer sent
label-e-short = (e) broken · the same recv(1024), a menu of only { $names } names, { $len } B
reader-e-prompt = prompt: one recv(1024), as the tutorial's client
verdict-e-short = the menu is only { $len } bytes, well under 1024, yet recv(1024) returned { $got }: the first piece — { $error }
verdict-e-short-whole = recv(1024) returned the whole menu this time ({ $n } names): the reader was late enough for the pieces to queue up — the bug stayed hidden
note-e-upper-bound = 1024 is an upper bound, not a promise: recv returns what has arrived so far
label-e-correct = (e) correct · the { $names }-name menu as a frame, read whole before parsing
verdict-e-correct = the same { $piece }-byte pieces, { $recvs ->
    [one] { $recvs } recv
   *[other] { $recvs } recvs
}: the decoder waited for all { $len } bytes the header announced, and json.loads read all { $n } names
verdict-e-not-parsed = the menu did not parse: { $error }
note-e-correct = sender: conn.sendall(struct.pack("!I", len(menu)) + menu); receiver: read exactly 4 bytes, then exactly that many, then json.loads
said-json-names = json.loads → { $n } names

## (f) delimiter

label-f-delimiter = (f) delimiter · a \n after every message, and one message with a line break in it
reader-f-lines = prompt: recv(1024), lines split off at every \n
verdict-f-delimiter = { $messages ->
    [one] { $messages } message
   *[other] { $messages } messages
} sent, { $lines ->
    [one] { $lines } line
   *[other] { $lines } lines
} came out: { $which } held a \n, so the receiver cut it there — the reader coped with every piece, the format did not; { $whole } of { $total } messages whole
which-one = message #{ $n }
which-many = { $n } messages
note-f-line-pieces = { $pieces }; a line reader does not mind
note-f-escape = a delimiter works only if it never occurs inside a message: text with line breaks, or any binary data (an image, a number from struct.pack), must have it escaped — and then every byte is scanned and unescaped
note-f-line-too-many = the receiver cannot know how long a message will be until its \n arrives: { $lines ->
    [one] { $lines } line
   *[other] { $lines } lines
} here is one line too many
said-between-lines = between lines
said-holding-line = holding { $n ->
    [one] { $n } byte
   *[other] { $n } bytes
} of an unfinished line
said-lines-complete = { $count ->
    [one] line
   *[other] lines
} { $lines } complete; { $holding }

## (f) fixed length

label-f-fixed = (f) fixed length · every message padded or cut to a { $record }-byte record
reader-f-fixed = prompt: exactly { $record } bytes per record, trailing zeros stripped
verdict-f-fixed = { $messages ->
    [one] { $messages } message
   *[other] { $messages } messages
} of { $sent } B went as { $wire } B: { $padding } B of padding; message { $long } did not fit a { $record }-byte record and lost its last { $cut ->
    [one] { $cut } byte
   *[other] { $cut } bytes
} — { $whole } of { $total } messages whole
note-f-record-pieces = { $pieces }; a record reader does not mind
note-f-cut-char = record #{ $n } ends inside { $char }: { $before } of its { $len } bytes made it, so even the part that arrived does not decode as text
note-f-record-long = the record must be as long as the longest message ever sent, and every shorter one pays for it in padding; the alternative to cutting is refusing — either way the message cannot go
note-f-zeros = stripping the zeros assumes no message ends in a zero byte: binary data would need its length inside the record after all
said-holding-record = holding { $n } of a { $record }-byte record
said-record-complete = record #{ $n } complete: { $message } B of message, { $padding } B of padding
during-reading-record = reading a { $record }-byte record (got { $n })

## (f) length prefix, and the three side by side

label-f-prefix = (f) length prefix · the same messages, each after a 4-byte length
verdict-f-prefix = { $messages ->
    [one] { $messages } message
   *[other] { $messages } messages
} in { $bytes } B, { $header } B of header each: the line break in #3 and its 43 bytes are just payload — { $frames } of { $total } messages whole
note-f-decoder-pieces = { $pieces }; the decoder does not mind either
label-f-table = (f) which framing? length prefix, delimiter, fixed length
column-framing = framing
column-overhead = overhead
column-max-size = max size
column-binary-safe = binary-safe
column-escaping = escaping
column-can-stream = can stream
cell-yes = yes
cell-no = no
cell-length-prefix = length prefix
cell-prefix-overhead = 4 B per message
cell-no-length-first = no: length first
cell-delimiter = delimiter \n
cell-delimiter-overhead = 1 B + escapes
cell-unlimited = unlimited
cell-fixed = fixed 32 B
cell-fixed-overhead = padding to 32 B
verdict-f-table = for these { $payload } bytes of messages: a length prefix sent { $prefix } B and kept all { $n }; a delimiter sent { $lines } B and split one in two; { $record }-byte records sent { $records } B and cut one short
note-f-can-stream = can stream: the sender may start before it knows how long the message is; a length prefix needs the length first (a file has one; a live stream is sent in framed chunks)
note-f-binary-safe = binary-safe: any byte may occur in a message — a delimiter may not, and zero padding eats trailing zeros
