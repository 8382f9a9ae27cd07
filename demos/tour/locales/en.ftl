# The tour's sentences in English: the lesson list of --help, the
# options' help and errors, the pause of --step, and the lines after the
# options. Each message is one line. Placeholders ({ $name }) must be the
# same in every language (tests check).

## What each demo shows (the tour's own copies of the lessons' one-liners)
all-about = Every demo below, in order.
sticky-about = 粘包: two sends, one recv.
half-about = 半包: one send, several recvs.
nagle-about = Nagle's algorithm: the delayed-ACK stall (40 ms on Linux, about 200 ms on Windows), the one case it glues, and why TCP_NODELAY is no framing fix.
udp-about = UDP keeps boundaries (and truncates and drops): TCP and UDP side by side.
fixed-about = The fix: the same traffic with a 4-byte length header, every message whole.
pitfalls-about = The tutorial's own fix, broken on screen beside the right one.
transfer-about = The exercise: a file server and its client — resume, CRC-32, safe names.

## --help
tour-about = The Sticky Packet Lab tour: each demo's sender and receiver run in this one process over 127.0.0.1, and every send and recv is shown
tour-arg-demo = Which demo to run; `all` (the default) runs every one in lesson order
tour-arg-list = Print the demos' names, one per line in lesson order, and run none
tour-arg-run = Show only run N of the demo, numbered as its banners number it (`pitfalls --run 5` shows "run 5 of 16"). Needs a demo's name: every demo numbers its runs from 1
tour-arg-step = Wait for Enter after each run (q then Enter stops the tour): one run a page, for a projector. Only when the output is a terminal; into a file or a pipe, and with --json, it never waits
tour-arg-html = Also write every run's figure to FILE: one HTML page that needs nothing else (no network, no script), for a projector or a printer
tour-arg-json = Print the report as one JSON document on stdout (for graders and scripts) instead of the coloured story
tour-arg-color = Colour the story: `auto` colours on a terminal unless `NO_COLOR` is set; `always` also colours into pipes; `never` prints plain text
after-help-width = The story is as wide as the terminal (at most 96 columns), or as COLUMNS says; into a pager, `{ $invoked } --color always | less -R` follows the terminal too.
after-help-pairs = For two terminals or two computers, use the paired programs instead: { $pair }.
after-help-cargo = e.g. `cargo run -p sticky --bin sticky-server` and `cargo run -p sticky --bin sticky-client`
after-help-bundle = e.g. sticky-server and sticky-client, beside this program (START-HERE.txt says how)

## The pause and the errors
step-prompt = … Enter for the next run, q and Enter to stop
run-needs-demo = --run needs a demo's name, since every demo numbers its runs from 1: e.g. { $invoked } pitfalls --run 5
run-zero = there is no run 0: runs are numbered from 1
run-not-number = '{ $text }' is not a run's number (1, 2, …)
run-missing = { $demo } has { $runs ->
    [one] { $runs } run
   *[other] { $runs } runs
}, so there is no run { $number }: give --run 1 to { $last }
html-unwritable = --html { $path }: cannot write the page there ({ $error })
