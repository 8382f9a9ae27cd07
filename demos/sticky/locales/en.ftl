# The sticky lesson's sentences in English: run labels, the receiver's
# description, notes, errors and the programs' --help. Each message is one
# line (a plural choice spans a few): the renderer wraps it to the terminal.
# Placeholders ({ $name }) must be the same in every language (tests check).

label-run = { $reader }, { $nodelay }
label-late = late reader
label-prompt = prompt reader
label-nodelay-on = TCP_NODELAY on
label-nodelay-off = TCP_NODELAY off

reader-late = late: waited until { $queued } B were queued, then recv({ $buffer }) until the sender closed
reader-prompt = prompt: recv({ $buffer }) as soon as anything arrived

note-late-glued = every segment was appended to the receiver's one receive queue; recv hands back whatever is queued, and a byte stream keeps no record of where a send ended
note-prompt = this reader called recv as soon as bytes arrived, so how many chunks it got depends on timing and load: run it again and it may differ; never rely on it either way
note-separate-nodelay = TCP_NODELAY was on and the { $sends } sends left as { $segments ->
        [one] { $segments } separate segment
       *[other] { $segments } separate segments
    } this time, yet they were glued: gluing happens in the receive queue, so TCP_NODELAY cannot prevent it
note-separate-nagle = even with Nagle's algorithm on, the { $sends } sends left as { $segments ->
        [one] { $segments } separate segment
       *[other] { $segments } separate segments
    } this time, yet they were glued: gluing happens in the receive queue, so TCP_NODELAY cannot prevent it
note-nagle-merged = with Nagle's algorithm on, the { $sends } sends left as only { $segments ->
        [one] { $segments } segment
       *[other] { $segments } segments
    } this time: Linux holds a small write back while an earlier small segment is unACKed, and sends the held bytes together; the TCP_NODELAY run shows that this is not what glues them

during-first-byte = waiting for its first byte

sticky-server-about = Receives the client's messages and shows what each recv returned: the messages come out glued together (粘包).{"\u000A\u000A"}By default the server is a *late reader*: it waits until the client's bytes are all queued in its kernel, then calls recv. Give it the same --message list as the client, so it can show which message every byte came from.
sticky-server-arg-messages = A message the client sends (repeat for each, in order). Used only to trace bytes back to messages; defaults to the tutorial's two
sticky-server-arg-prompt = Read as soon as bytes arrive instead of waiting for all of them: the number of chunks then depends on timing
sticky-client-about = Connects to sticky-server and sends each message with its own send call. Watch the server's screen: they arrive glued together (粘包).
sticky-client-arg-messages = A message to send (repeat for each, in order). Defaults to the tutorial's "下雨天留客天留人" then "不留"
sticky-client-arg-nodelay = `TCP_NODELAY`: `on` sends each message at once as its own segment; `off` (the default) lets Nagle's algorithm hold small writes back. Either way the server gets them glued
switch-on = The option is set
switch-off = The option is cleared
