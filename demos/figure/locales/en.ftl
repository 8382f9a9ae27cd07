# The figures' words in English: lane names, labels, captions, legends,
# and the page around the figures.
# Each message is one line. Placeholders ({ $name }) must be the same in
# every language (tests check). SVG structure (classes, ids) is not here.

## Lanes and columns
lane-sender = sender
lane-receiver = receiver
lane-time = time
lane-frames = frames
lane-sent = sent
lane-code = the code
lane-catalogue = the server's catalogue
column-tcp = TCP: one stream of bytes
column-udp = UDP: one datagram per send

## Headings
heading-run = {" "}· run { $number } of { $of }
heading-side-by-side = {" "}· side by side
heading-round-trips = {" "}· round trips

## Boxes and their labels
many-inside = … { $count } { $noun }s …
many-count = { $count } { $noun }s
many-range = { $noun }s #{ $first }–#{ $last }
datagram-label = datagram #{ $index } · { $bytes } B
lost-inside = ✗ lost
lost-never-read = never read: lost
lost-short = lost
thrown-away = ✂ { $bytes } B thrown away
thrown-rest = ✂ the rest thrown away
frames-none = ✗ no message rebuilt
frames-many = … { $count } frames{ $mark } …
frame-label = frame #{ $index } · { $bytes } B { $mark }

## Captions and legends
caption-segments = { $sends ->
    [one] { $sends } send
   *[other] { $sends } sends
} left as { $segments ->
    [one] { $segments } data segment
   *[other] { $segments } data segments
} (TCP_INFO)
caption-datagrams = { $sent ->
    [one] { $sent } datagram
   *[other] { $sent } datagrams
} sent, { $read ->
    [one] { $read } datagram
   *[other] { $read } datagrams
} read
flood-order = { $count ->
    [one] { $count } datagram
   *[other] { $count } datagrams
}, in the order sent — one square each
flood-read = read by a recv: { $count }
flood-lost = lost: { $count }
timing-axis = round-trip time, logarithmic: each line is ten times the last
timing-legend = bar: the median round trip · whisker: the slowest · × how many times the fastest median
transfer-downloaded = {" "}· { $check } downloaded in { $secs } s, CRC-32 { $crc }{ $same }
transfer-identical = , identical
transfer-differs = , differs
transfer-server = server { $addr }

## The page
page-pairs = 两图并排 · two figures per row (broken beside correct)
page-key-1 = 上：发送方的每次 send；下：接收方的每次 recv；色带：字节从哪里来、落到哪里。Top: the sender's sends; below: the receiver's recvs; each band shows where a message's bytes landed.
page-key-2 = 一种颜色和花纹 = 一条消息；两条色带汇入一个 recv = 粘包；一条消息分到几个 recv = 半包。One colour and hatching per message: two bands into one recv is a sticky packet, one message over several recvs a half packet.
page-key-3 = 黑块 = 长度包头；叉 = 丢失或被截断丢弃的字节；时间轴左端的 // = 不从零开始。Black: length headers; crossed out: bytes lost or thrown away; // at the left end of a time axis: it does not start at zero.

## The figures program
figures-usage = usage: cargo demo --json | figures DIR
figures-stdin = reading the reports from stdin: { $error }
figures-not-report = stdin is not a report as `cargo demo --json` prints it: { $error }
figures-mkdir = cannot create { $dir }: { $error }
figures-write = cannot write { $path }: { $error }
figures-wrote = figures: wrote { $count } figures to { $dir }
error-prefix = error:{" "}
