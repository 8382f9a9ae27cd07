# The half lesson's sentences in English: run labels, the receiver's
# description, notes, errors and the programs' --help. Each message is one
# line (a plural choice spans a few): the renderer wraps it to the terminal.
# Placeholders ({ $name }) must be the same in every language (tests check).

label-small-recv = recv buffer ({ $recv_size } B) smaller than the message ({ $len } B)
label-small-queue = SO_RCVBUF { $rcvbuf } B asked on the listener, a { $size } message
label-staged = the message arrives in pieces ({ $pieces } B)

reader-late = late: waited until { $queued } B were queued, then recv({ $recv_size }) until the sender closed
reader-prompt = prompt: recv({ $size }) as soon as anything arrived
reader-prompt-answering = prompt: recv({ $size }) as soon as anything arrived, answering each recv with one byte

note-small-recv = recv({ $recv_size }) returns at most { $recv_size } bytes; the rest stays queued for the next call — nothing is lost, but no single recv holds the message
note-small-queue-applied = SO_RCVBUF { $rcvbuf } B asked, { $applied } B applied: the kernel never queues more than that, so no recv returned more (largest { $largest } B), however big its buffer
note-small-queue-window = the small queue also shrinks the window the receiver offers, so the sender is held back and sends the message a few KiB at a time
note-staged = each recv returned just what had arrived so far, as on a slow or segmented network; a reader cannot wait for 'the rest' unless it knows how long the message is
note-cut-character = a chunk that ends inside a character cannot be decoded on its own: Python's data.decode("utf8") raises UnicodeDecodeError there

error-zero-piece = a piece cannot be 0 bytes: a 0-byte write sends nothing
error-pieces-too-long = the pieces add up to { $sum } bytes, but the message has only { $len }

during-sending-pieces = sending the message in pieces
during-piece-read = waiting for the receiver to read piece #{ $piece }
during-answering = answering the sender
during-first-byte = waiting for its first byte

half-server-about = Receives one message and shows every recv it took: the message comes out in pieces (半包). Pick a variant with --recv-size, --rcvbuf or --staged, and give half-client the same flag.
half-client-about = Connects to half-server and sends one message. Watch the server's screen: it needs several recvs for it (半包). Use the same variant flag (--recv-size, --rcvbuf or --staged) as the server.
half-server-arg-recv_size = { arg-recv_size }
half-client-arg-recv_size = { arg-recv_size }
half-server-arg-rcvbuf = { arg-rcvbuf }
half-client-arg-rcvbuf = { arg-rcvbuf }
half-server-arg-staged = { arg-staged }
half-client-arg-staged = { arg-staged }
half-server-arg-message = { arg-message }
half-client-arg-message = { arg-message }
half-server-arg-size = { arg-size }
half-client-arg-size = { arg-size }
half-server-arg-pieces = { arg-pieces }
half-client-arg-pieces = { arg-pieces }
arg-recv_size = Variant 1 (the default): the server reads with recv(N), N smaller than the message. 16 cuts the sentence inside 天
arg-rcvbuf = Variant 2: `SO_RCVBUF` of N bytes (4096 if N is left out) on the server's listener and a big message (--size); no recv can return more than the kernel queues
arg-staged = Variant 3: the client writes the message in pieces (--pieces), each only after the server has read the one before
arg-message = The message for variants 1 and 3 (the tutorial's sentence by default)
arg-size = The size of variant 2's message in bytes ("重要信息" repeated)
arg-pieces = Variant 3's piece sizes, comma-separated; the rest of the message is one last piece
