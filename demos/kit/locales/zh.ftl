# 工具库的中文句子：共用的渲染、错误信息、命令行。
# 每条消息写在一行里，由渲染器按终端宽度换行。
# 占位符（{ $name }）在每种语言里都必须相同（有测试检查）。

cli-lang-help = 输出语言：en（English）或 zh（中文）。不指定时由 LC_ALL、LC_MESSAGES 或 LANG 决定（zh_* 即中文）

## 计数：`count(n, noun)` 按各语言的语法说出几个东西（中文用量词，不分单复数）。

count-byte = { $n } 个字节
count-data-segment = { $n } 个数据报文段
count-datagram = { $n } 个数据报
count-fd = { $n } 个文件描述符
count-file = { $n } 个文件
count-frame = { $n } 帧
count-line = { $n } 行
count-message = { $n } 条消息
count-probe = { $n } 次探测
count-recv = { $n } 次 recv
count-request = { $n } 个请求
count-run = { $n } 次运行
count-segment = { $n } 个报文段
count-send = { $n } 次 send
count-separate-segment = { $n } 个独立的报文段
count-task = { $n } 个任务
count-whole-send = { $n } 次完整的 send

## 每一节的开头：标题线、类别、套接字选项。

banner-run = 第 { $i } 次运行（共 { $of } 次）
kind-side-by-side = 并排对照
kind-round-trips = 往返时间
banner-knobs = 内核实际采用的选项：
knob-on = 开
knob-off = 关

## 一次收发：发送方的消息、接收方的每次 recv、解码出的帧。

verdict-label = 结论：
exchange-frames = 解码出的帧
exchange-frame = 帧 #{ $index }
exchange-frame-from = 由 recv #{ $recv } 收齐
exchange-frame-whole = ✓ 完整
exchange-frame-differs = ✗ 与发送的内容不同
exchange-more-frames = … 另外 { $frames } 不再列出，均已核对
exchange-sender = 发送方
exchange-receiver = 接收方
exchange-written-as = 分 { $sizes } B 几次写出
exchange-segments = { $sends } 共以 { $segments }发出（{ $source }）
exchange-kernel-count = 内核的计数
exchange-segments-unavailable = （{ $why }）
exchange-not-shown = … 省略 { $items } …
exchange-origin-unknown = （来源未知：这一端看不到发送方的消息边界）
exchange-truncated = ✂ 被截断（MSG_TRUNC）：这个数据报原有 { $real } B，其余 { $lost } B 被丢弃了
exchange-truncated-rest = ✂ 被截断（MSG_TRUNC）：这个数据报的其余部分被丢弃了
exchange-length-headers = 长度报头：
exchange-decoder = 解码器：
exchange-part-of-header = （报头的一部分）
exchange-not-text = （不是 UTF-8 文本）
exchange-next-recv = 下一次 recv
exchange-cut-here = ✂ “{ $character }”被切成了两半：这里有 { $before }，另外 { $after } 个在 { $next } 里——单独解码这一块会失败
exchange-cut-rest = ✂ “{ $character }”的后 { $after }，它的前 { $before }在 recv #{ $recv } 的末尾
exchange-sizes = 这 { $recvs } 各自返回的大小（最大 { $largest } B）：
exchange-whole-sends = send #{ $first } 至 #{ $last }（{ $sends }）
exchange-at = 于 { $ms } ms
segments-unavailable = 报文段数来自 Linux 的 TCP_INFO 或 macOS 的 TCP_CONNECTION_INFO，而这个平台两者都没有
segments-unavailable-windows = Windows 上不统计报文段数：它的 SIO_TCP_INFO 只计字节，不计报文段

## TCP 与 UDP 并排。

columns-verdict = { $transport }：
columns-tcp = TCP——字节流
columns-udp = UDP——数据报
columns-sent = 已发送：{ $what }，共 { $bytes } B
columns-in-all = { $recvs }，共 { $bytes } B
columns-truncated = ✂ 被截断
columns-truncated-had = ✂ 被截断，原有 { $real } B

## 表格：往返时间、下载。

timing-variant = 方案
timing-median = 中位数
timing-max = 最大值
timing-ratio = × 最快
timing-row-verdict = { $round_trips } 次往返：中位数 { $median } ms，最大 { $max } ms
transfer-server = 服务器
transfer-catalogue = { $server }——客户端收到的文件清单
transfer-downloads = 下载
transfer-identical = ✓ 与原文件相同
transfer-not-identical = ✗ 与原文件不同
units-summary = { $size }，用时 { $secs } s（{ $speed }）

## 结论：一次运行说明了什么，一句话。`$sent` 是一个计数（“2 条消息”）。

verdict-glued-one-recv = 发送了 { $sent }，1 次 recv 就把它们粘在一起全部返回：接收方分不清 #{ $end } 在哪里结束
verdict-glued = 发送了 { $sent }，{ $recvs } 返回了它们：recv #{ $recv } 把 { $span } 粘在了一起，接收方分不清 #{ $end } 在哪里结束
verdict-split-one-message = 发送了 { $sent }，却需要 { $recvs }：每次只返回其中一部分
verdict-split = 发送了 { $sent }，需要 { $recvs }：消息 #{ $message } 分成 { $parts } 段到达
verdict-glued-and-split = 发送了 { $sent }，{ $recvs } 返回的数据既粘包又半包：recv #{ $recv } 装着 { $span } 的片段，消息 #{ $message } 分成 { $parts } 段到达
verdict-one-each = 发送了 { $sent }，{ $recvs }，每次恰好一条消息——只是这一次如此；TCP 从未这样承诺过
verdict-how-silent = 收到 { $received } B 之后，发送方 { $waited } s 内没有再发送任何数据，也没有关闭连接
verdict-how-reset = 发送方在 { $received } B 之后重置了连接
verdict-how-closed = 发送方在 { $received } B 之后关闭了连接
verdict-cut-short = 预期 { $what }（{ $expected } B）；{ $how }，共 { $recvs }
verdict-then-silent = ；随后发送方 { $waited } s 内没有再发送任何数据，也没有关闭连接
verdict-datagrams-kept = 发送了 { $sent }，{ $recvs } 逐个返回：UDP 保留了每一个边界
verdict-datagrams-lost = 发送了 { $sent }，收到 { $received } 个，丢失 { $lost } 个：UDP 保留边界，但不保证数据报送达
verdict-datagram-truncated = ；recv #{ $recv } 被截断，那个数据报的其余部分已经丢失
verdict-unknown-origin = { $recvs } 返回的 { $bytes } 个字节不是这一端预期的消息，因此无法追溯任何字节来自哪次 send
verdict-stopped-reading = ；发送方发送的数据超出预期，这一端在 { $limit } B 之后停止了读取
verdict-sender-side = 发送了 { $sent }（{ $bytes } 个字节）；它们如何从 recv 里出来，请看接收方的屏幕
verdict-span-two = #{ $first } 和 #{ $last }
verdict-span = #{ $first } 至 #{ $last }
dump-more = … 另有 { $bytes } 个字节未显示
