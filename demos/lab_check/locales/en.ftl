# lab-check's sentences in English: the report (case lines, problems,
# the first difference, pitfalls and their fixes, the result) and --help.
# Each message is one line: the renderer wraps it to the terminal.
# Placeholders ({ $name }) must be the same in every language (tests check).

## The head of the report
how-receiver = each case: lab-check listens on 127.0.0.1, starts your program with the port, sends the messages as frames (a 4-byte big-endian length, then the bytes) cut as the case says, and closes the connection; your program prints each message as one line of hex and exits with code 0.
how-sender = each case: your program reads one line of hex per message on stdin, connects to the port, sends each message as a frame (a 4-byte big-endian length, then the bytes) and closes the connection; lab-check reads it behind the slicer, and your program exits with code 0.
how-deadline = {" "}At most { $secs } s a case.

## One case
case-pass = PASS
case-fail = FAIL
case-summary = { $count ->
    [one] { $count } message
   *[other] { $count } messages
} in { $bytes } B: { $cutting }
label-difference = first difference:{" "}
label-looks-like = looks like:{" "}
label-fix = fix:{" "}
label-stderr = stderr:{" "}
dump-expected = expected
dump-got = got
dump-nothing-more = (nothing more)
dump-nothing = (nothing)
dump-empty-message = (an empty message)
place = { $place } at stream byte { $offset }{ $carried }
carried-piece = , written in piece #{ $index } (stream bytes { $start }..{ $end })
carried-recv = , read by lab-check's recv #{ $index } (stream bytes { $start }..{ $end })

## The result
result = result: { $verdict }
verdict-passed = { $passed } of { $total } cases passed
verdict-looks-like = ; looks like: { $titles }
titles-separator = ;{" "}

## How the stream was cut
cut-whole = the whole stream in one write
cut-pieces = pieces of { $size }, { $apart }{ $seed }
cut-apart = { $micros } µs apart
cut-seed = , seed { $seed }
cut-header-split = every header cut after { $after } of its { $header } bytes, { $apart }
cut-straight = straight to lab-check, no slicer
cut-through = through the slicer: { $cutting }

## What went wrong in a receiver's case
ending-still-running = was still running after { $secs } s and was stopped
ending-code = exited with code { $code }
ending-signal = was ended by a signal
sent-stopped-reading = your program stopped reading
sent-closed = your program closed the connection
sent-stopped = {" "}({ $why } after { $bytes } bytes of the stream)
problem-never-connected = your program never connected to 127.0.0.1:{ $port }; it { $ending }
problem-too-many-lines = your program printed { $lines } lines for { $total } messages{ $stopped }; it { $ending }
problem-message = message #{ $number } of { $total } ({ $name }, { $bytes } B)
problem-never-came = { $what } never came out: your program printed { $lines ->
    [one] { $lines } line
   *[other] { $lines } lines
}{ $stopped }; it { $ending }
problem-not-hex = line #{ $number } is not hex{ $stopped }; your program { $ending }
problem-wrong = { $what } came out wrong: your line has { $bytes } B{ $stopped }; your program { $ending }
problem-all-right = every message came out right{ $stopped }, but your program { $ending }
place-no-line = no line for message #{ $number } ({ $name }), whose frame starts
place-byte = byte { $at } of message #{ $number } ({ $name })
place-past-end = your line goes on after the last byte of message #{ $number } ({ $name }), into

## What went wrong in a sender's case
sender-cut = {" "}(lab-check stopped reading: { $why })
sender-cut-deadline = the deadline passed
sender-cut-too-many = more bytes came than were expected
sender-cut-reset = the connection was reset
sender-all-right = every byte arrived right, but your program { $ending }
sender-partial = { $got } of { $total } bytes arrived{ $cut }, and the first { $whole } of { $messages } messages decode whole; your program { $ending }
place-after-end = after the end of the last frame: more bytes came
place-header-byte = byte { $at } of the header of message #{ $number } ({ $name })

## The pitfalls
pitfall-counting = counting what was asked, not what came
pitfall-half-header = half a header
pitfall-native-byte-order = native byte order
pitfall-short-write = a short write
pitfall-empty-message = the empty message
pitfall-end-of-stream = the end of the stream
pitfall-hex-text = hex text sent instead of bytes
fix-counting = count len(chunk), and ask recv only for the bytes still missing (docs/pitfalls.md, (a))
fix-half-header = read the header exactly as you read the body: loop until all 4 bytes are in (docs/pitfalls.md, (b))
fix-native-byte-order = pack and unpack the length with "!I": network byte order, unsigned (docs/pitfalls.md, (d))
fix-short-write = send with sendall, which loops until every byte is taken (docs/pitfalls.md, (c))
fix-empty-message = a message may be empty: only recv returning b"" between two messages means the end
fix-end-of-stream = when recv returns b"" where a header would start, the sender is done: stop, and exit with code 0
fix-hex-text = send bytes.fromhex(line.strip()), framed

## What makes a failure look like a pitfall
says-end-still-running = was still running at the deadline
says-end-error = then ended with an error
says-end-of-stream = every message came out right, but after the last one the program { $how }: lab-check closed the connection, and recv returned b""
says-empty-stopped = your program stopped, with code 0, at message #{ $number }, which is empty: its header is 00 00 00 00 and there is no body, but the stream goes on
says-cut-in-header = a cut fell { $at ->
    [one] { $at } byte
   *[other] { $at } bytes
} into the header of message #{ $number }
says-no-further = your program got no further than message #{ $number }
says-python-unpack = , and Python said struct.error: unpack requires a buffer of 4 bytes
says-printed-nothing = , and your program printed nothing more
says-half-header = { $cut }{ $python }: recv(4) returned fewer than 4 bytes
says-stopped-early = message #{ $number } has { $size } bytes, and your line stops after { $got }: its first { $got } bytes are right — a loop that stopped counting too early
says-went-on = message #{ $number } has { $size } bytes, and your line goes on for { $more } more: the next frame's bytes, header and all — a recv that asked for more than was missing
says-little-exact = and your line #{ $number } is exactly those { $little } bytes
says-little-stops = more than the { $left } bytes left in the stream, and your program got no further
says-native = the header of message #{ $number } is { $header } ({ $size } in network byte order); read in little-endian order it says { $little }, { $seen }
says-reversed = message #{ $number } has { $size } bytes: its header should be { $header }, and you sent { $sent }, the same bytes in reverse — the order of your machine, not the network's
says-empty-skipped = message #{ $number } is empty, and its header 00 00 00 00 never came: the next message's header came in its place
says-hex-text = message #{ $number } arrived as a frame of { $frame } bytes holding { $text }: the line from stdin, not the { $size } bytes it spells
says-gap = the frame of message #{ $number } stops after { $sent } of its { $size } bytes, and the next frame's header follows: stream bytes { $from }..{ $to } were never sent — a send() that took only part of its bytes
says-ends-early = the stream ends { $sent } bytes into the { $size }-byte frame of message #{ $number }, and your program exited with code 0 as if all had gone: a send() that took only part of its bytes

## The command line
error-prefix = error:{" "}
see-help = { $message } (see --help)
no-case = no case named '{ $name }'; the cases are { $cases }
no-program = no program to check: put its command line after --, e.g. lab-check receiver -- python3 my_receiver.py {"{"}port{"}"}
cannot-start = cannot start the program to check: { $error }
lab-failed = { $doing } failed: { $error }
lab-check-about = Checks that your program frames its messages: it runs your receiver (or sender) against the lab's framed peer through the slicer, with the stream cut in many ways, and says for each case whether every message came through. Exit code 0 if every case passed, 1 if any failed, 2 for a command line that cannot work
lab-check-arg-role = What your program is: `receiver` (lab-check sends) or `sender` (lab-check receives)
lab-check-arg-command = Your program's command line, after `--`; `{"{"}port{"}"}` in it becomes the port to connect to (without `{"{"}port{"}"}`, the port is added last)
lab-check-arg-timeout = Stop your program after this many seconds in a case, and fail it
lab-check-arg-cases = Run only this case (repeat for more); a wrong name lists them all
lab-check-arg-json = Print the results as one JSON document on stdout (for a teacher grading a class)
lab-check-arg-color = Colour the report: `auto` colours on a terminal unless `NO_COLOR` is set
lab-check-after-help-examples = Examples:
lab-check-after-help = {"{"}port{"}"} becomes the port of 127.0.0.1 your program connects to. A receiver prints each message as one line of hex (Python: print(data.hex())); a sender reads one line of hex per message on stdin (Python: bytes.fromhex(line.strip())). See docs/lab_check.md.
pitfall-named = { $title } — { $says }
