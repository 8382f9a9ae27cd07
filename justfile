# Sticky Packet Lab — `just` is optional sugar: every recipe is one cargo command.

# List the recipes.
default:
    @just --list

# The whole tour, every demo in lesson order.
demo:
    cargo demo

# 粘包: two sends, one recv.
demo-sticky:
    cargo demo sticky

# 半包: one send, several recvs.
demo-half:
    cargo demo half

# Nagle's algorithm: the 40 ms stall, the one case it glues, and why TCP_NODELAY is no framing fix.
demo-nagle:
    cargo demo nagle

# UDP keeps boundaries (and truncates and drops): TCP and UDP side by side.
demo-udp:
    cargo demo udp

# The fix: the same traffic with a 4-byte length header, every message whole.
demo-fixed:
    cargo demo fixed

# The tutorial's own fix, broken on screen beside the right one.
demo-pitfalls:
    cargo demo pitfalls

# The exercise: a file server and its client — catalogue, menu, resume, CRC-32.
demo-transfer:
    cargo demo transfer

# --- The wire in Wireshark: capture a paired run with tcpdump (needs root or CAP_NET_RAW) ---

# 粘包 on the wire: two data segments, one recv. Writes captures/sticky.pcap.
capture-sticky:
    bash scripts/capture.sh sticky

# 半包 on the wire: one segment, several recvs. Writes captures/half.pcap.
capture-half:
    bash scripts/capture.sh half

# Nagle's burst on the wire: 1 byte, ~40 ms, then 8. Writes captures/nagle.pcap.
capture-nagle:
    bash scripts/capture.sh nagle

# UDP on the wire: one packet per datagram. Writes captures/udp.pcap.
capture-udp:
    bash scripts/capture.sh udp

# --- end of the wire recipes ---

# Every run of the tour drawn as an SVG for the lesson pages: docs/figures/ in English, docs/figures/zh/ in Chinese.
figures:
    cargo demo --json | cargo run -q -p figure --bin figures -- docs/figures
    cargo demo --json --lang zh | cargo run -q -p figure --bin figures -- docs/figures/zh

# Download 1 GiB over loopback against a raw TCP copy: prints the ratio and the client's peak memory.
bench-transfer:
    cargo run --release -p transfer --bin transfer-bench

# Decoder throughput against tokio-util's LengthDelimitedCodec (criterion).
bench:
    cargo bench -p codec

# The test suite.
test:
    cargo test

# --- Students' laptops: the classroom bundle, and the Windows programs under Wine ---

# Every program built for Windows and Linux, zipped with START-HERE.txt into dist/ (no Rust needed to run them).
dist:
    cargo run -q -p bundle

# The bundles as students get them: the Linux one from an empty folder, the Windows one under Wine (after `just dist`).
test-bundle:
    cargo test -p bundle

# --- end of the students' laptops recipes ---

# Everything CI checks: the bundles and Wine, tests, formatting, lints, Windows and macOS builds.
ci:
    bash .ci/run
