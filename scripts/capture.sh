#!/usr/bin/env bash
# Capture the loopback traffic of one lesson's paired run into a .pcap, for
# Wireshark: `just capture-sticky` (or `bash scripts/capture.sh sticky`).
#
#   bash scripts/capture.sh LESSON [FOLDER]
#
# LESSON is sticky, half, nagle (the burst: the one case Nagle's algorithm
# glues writes), nagle-nodelay (the same burst with TCP_NODELAY) or udp. FOLDER (default: captures/) receives LESSON.pcap, the
# client's --json report (LESSON-client.json) and the server's story
# (LESSON-server.txt). The server listens on an ephemeral port of 127.0.0.1,
# and tcpdump captures only that port.
#
# Capturing packets needs root, or the CAP_NET_RAW capability for tcpdump:
#   sudo just capture-sticky        or
#   sudo setcap cap_net_raw,cap_net_admin=eip "$(command -v tcpdump)"
# (Debian/Ubuntu: sudo apt-get install tcpdump tshark; tshark is optional and
# only prints a summary here; open the .pcap in Wireshark.)
#
# It speaks Chinese where the lab's programs do (LC_ALL, LC_MESSAGES or LANG
# zh_*), and so does the server's story it saves.
#
# The lab's binaries are built with cargo, unless BIN_DIR names a folder that
# holds them already. Every wait has a deadline; exit code 0 when the capture
# is written, 1 when something failed, 2 for a wrong command line.
set -euo pipefail
cd "$(dirname "$0")/.."

# The language of what this script says, chosen as the lab's programs choose
# theirs: the first of LC_ALL, LC_MESSAGES, LANG that is set and not empty.
case "${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}" in zh*) zh=1 ;; *) zh=0 ;; esac
# Prints its first argument in English, or its second in Chinese.
say() { if [ "$zh" = 1 ]; then echo "$2"; else echo "$1"; fi; }

lesson=${1:-}
out=${2:-captures}
case "$lesson" in
  sticky) package=sticky; server=sticky-server; client=sticky-client; flags=() ;;
  half)   package=half;   server=half-server;   client=half-client;   flags=() ;;
  nagle)  package=nagle;  server=nagle-server;  client=nagle-client;  flags=(--variant burst) ;;
  nagle-nodelay) package=nagle; server=nagle-server; client=nagle-client; flags=(--variant burst-nodelay) ;;
  udp)    package=udp_boundary; server=udp-server; client=udp-client; flags=() ;;
  *) say "usage: bash scripts/capture.sh sticky|half|nagle|nagle-nodelay|udp [FOLDER]" \
        "用法：bash scripts/capture.sh sticky|half|nagle|nagle-nodelay|udp [文件夹]" >&2; exit 2 ;;
esac

# Says why the capture failed (in English, or in Chinese), and exits with 1.
fail() { say "capture: $1" "capture：$2" >&2; exit 1; }
command -v tcpdump >/dev/null || fail "tcpdump is not installed (Debian/Ubuntu: sudo apt-get install tcpdump)" \
  "没有安装 tcpdump（Debian/Ubuntu：sudo apt-get install tcpdump）"
[ "$(uname -s)" = Linux ] || fail "this script captures the Linux loopback interface, lo" \
  "这个脚本抓的是 Linux 的回环接口 lo"

if [ -z "${BIN_DIR:-}" ]; then
  cargo build -q -p "$package" --bins
  BIN_DIR="${CARGO_TARGET_DIR:-target}/debug"
fi
mkdir -p "$out"
pcap="$out/$lesson.pcap"
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# Waits up to 10 s for a line matching $2 in file $1, and prints it.
wait_for() {
  for _ in $(seq 1000); do
    if grep -m1 "$2" "$1" 2>/dev/null; then return 0; fi
    sleep 0.01
  done
  return 1
}

# 1. The server, on an ephemeral port: its own start-up line says which, in
#    whichever language it speaks (`listening on 127.0.0.1:PORT`, `正在监听
#    127.0.0.1:PORT`): the address is the same in both.
"$BIN_DIR/$server" --listen 127.0.0.1:0 --color never "${flags[@]}" \
  >"$out/$lesson-server.txt" 2>"$work/server.err" &
pids+=($!)
line=$(wait_for "$work/server.err" "127\.0\.0\.1:[0-9]") ||
  fail "$server did not start: $(cat "$work/server.err")" "$server 没有启动：$(cat "$work/server.err")"
port=$(grep -oE '127\.0\.0\.1:[0-9]+' <<<"$line" | head -n1 | cut -d: -f2)

# 2. tcpdump, on that port only (and the end marker, below), writing each
#    packet as it comes (-U). It is ready when it says "listening on".
tcpdump -i lo -n -U -w "$pcap" "port $port or (udp and dst port 9)" 2>"$work/tcpdump.err" &
tcpdump_pid=$!
pids+=($tcpdump_pid)
if ! wait_for "$work/tcpdump.err" "listening on" >/dev/null; then
  if grep -qi "permission\|not permitted" "$work/tcpdump.err"; then
    fail "tcpdump may not capture here: run as root (sudo), or give tcpdump CAP_NET_RAW: sudo setcap cap_net_raw,cap_net_admin=eip \"\$(command -v tcpdump)\"" \
      "tcpdump 在这里不能抓包：请用 root 运行（sudo），或者给 tcpdump CAP_NET_RAW 能力：sudo setcap cap_net_raw,cap_net_admin=eip \"\$(command -v tcpdump)\""
  fi
  fail "tcpdump did not start: $(cat "$work/tcpdump.err")" "tcpdump 没有启动：$(cat "$work/tcpdump.err")"
fi

# 3. The client, with its --json report (TCP_INFO's segment count in it).
"$BIN_DIR/$client" --connect "127.0.0.1:$port" --json "${flags[@]}" \
  >"$out/$lesson-client.json" 2>"$work/client.err" ||
  fail "$client failed: $(cat "$work/client.err")" "$client 失败了：$(cat "$work/client.err")"
wait "${pids[0]}" || true

# 4. The end: one datagram to the discard port. tcpdump writes packets in
#    order, so once the marker is in the file, every packet of the run is.
printf end >/dev/udp/127.0.0.1/9 || true
for _ in $(seq 500); do
  if tcpdump -r "$pcap" -n "udp and dst port 9" 2>/dev/null | grep -q .; then break; fi
  sleep 0.01
done
kill -INT "$tcpdump_pid"
wait "$tcpdump_pid" 2>/dev/null || true

case "$lesson" in
  udp) filter="udp.port == $port" ;;
  nagle*) filter="tcp.port == $port" ;;
  *) filter="tcp.port == $port && tcp.len > 0" ;;
esac
say "capture: $pcap" "抓包文件：$pcap"
say "port: $port" "端口：$port"
say "display filter: $filter" "显示过滤器：$filter"
case "$lesson" in
  sticky) say "look at: the client's two data segments (24 B and 6 B), and $lesson-server.txt: one recv of 30 B — segment boundaries are not recv boundaries" \
    "看这里：客户端的两个数据段（24 B 和 6 B），以及 $lesson-server.txt：一次 recv 拿到 30 B——段的边界不是 recv 的边界" ;;
  half) say "look at: the data segments, and $lesson-server.txt: recvs smaller than the segments — one segment, several recvs" \
    "看这里：各个数据段，以及 $lesson-server.txt：recv 比段还小——一个段，几次 recv" ;;
  nagle) say "look at: after the 3 warm-up round trips, a 1-byte segment, the server's ACK ~40 ms later (delayed ACK), then the other 8 bytes in one segment (View → Time Display Format → Since Previous Displayed Packet)" \
    "看这里：3 次预热往返之后，先是一个 1 字节的段，约 40 ms 后是服务器的 ACK（延迟确认），然后其余 8 个字节在一个段里（视图 → 时间显示格式 → 自上一显示分组）" ;;
  nagle-nodelay) say "look at: after the 3 warm-up round trips, nine 1-byte segments within a millisecond: TCP_NODELAY sends each write at once" \
    "看这里：3 次预热往返之后，一毫秒之内九个 1 字节的段：TCP_NODELAY 让每次写入立刻发出" ;;
  udp) say "look at: one UDP packet per datagram, each with its own length — UDP keeps the boundaries" \
    "看这里：每个数据报一个 UDP 包，各有自己的长度——UDP 保留了边界" ;;
esac
if command -v tshark >/dev/null; then
  say "data on the wire (tshark -r $pcap -Y '$filter'):" "线上的数据（tshark -r $pcap -Y '$filter'）："
  tshark -r "$pcap" -Y "$filter && !(udp.dstport == 9)" \
    -T fields -e frame.time_relative -e ip.src -e tcp.srcport -e udp.srcport -e tcp.len -e udp.length \
    -E separator=' ' 2>/dev/null | sed 's/^/  /'
fi
