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
dump-more = … 另有 { $bytes } 个字节未显示
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
tcp-info-source-macos = TCP_CONNECTION_INFO tcpi_txpackets，减去握手的 2 个

## 平台不支持的套接字选项。

knobs-quickack-linux-only = TCP_QUICKACK 只有 Linux 才有
knobs-cork-linux-only = TCP_CORK 只有 Linux 才有
knobs-maxseg-unsupported = 这个平台上不能设置 TCP_MAXSEG

## 出错时程序正在做的事（错误信息里的“……时”）。

queue-waiting = 等待 { $bytes } 个字节到达
queue-restoring-timeout = 恢复读取超时
stream-sending = 发送消息 #{ $message }
stream-receiving = 接收数据（已收到 { $bytes } 个字节）
loopback-deadlines = 设置连接的超时
loopback-receiving-thread = 接收线程
endpoint-listener-options = 设置监听套接字的选项
endpoint-accepting = 接受连接
endpoint-creating-socket = 创建套接字
endpoint-client-options = 设置客户端套接字的选项

## 错误：标准错误上的一行。`$cause` 是操作系统自己的说法。

error-stopped = { $what }意外停止了
error-listen-in-use = 无法在 { $addr } 上监听：端口已被占用（是不是还有别的服务器在运行？换一个端口试试）
error-listen-no-such-address = 无法在 { $addr } 上监听：这台计算机没有这个地址（用 0.0.0.0 可以在所有网卡上监听）
error-listen-permission = 无法在 { $addr } 上监听：权限不足（1024 以下的端口需要管理员权限；试试 9000）
error-listen = 无法在 { $addr } 上监听：{ $cause }
error-connect = { $addr } 上没有服务器应答（尝试了 { $waited } s，{ $cause }）：服务器在运行吗？地址对吗？防火墙放行了吗？
error-peer-closed = { $during }时，对方关闭了连接
error-peer-silent-for = { $during }时，对方 { $waited } s 内没有发送任何数据
error-peer-silent = { $during }时，对方在期限（--timeout）内没有发送任何数据
error-io = { $doing }失败：{ $cause }
error-json = 写出 JSON 报告失败：{ $error }
error-internal = { $what }（这是实验室程序的缺陷，请报告）

## 命令行：错误、配对提示、启动时的提示行、共用选项。

cli-error = 错误：{ $error }
cli-mismatch = 错误：{ $what }（{ $hint }）
cli-see-help = { $error }（参见 --help）
cli-not-valid = 错误：命令行无效
cli-address-no-port = '{ $text }' 没有端口：请写成 IP:PORT，例如 192.168.1.20:9000 或 127.0.0.1:9000
cli-address-not-ip = '{ $text }' 不是有效的 IP 地址加端口：请写成 IP:PORT，例如 192.168.1.20:9000 或 127.0.0.1:9000
cli-address-not-found = 这台计算机找不到地址 '{ $text }'：请写成 IP:PORT，例如 192.168.1.20:9000 或 127.0.0.1:9000
cli-address-none = '{ $text }' 没有对应任何地址：请写成 IP:PORT，例如 192.168.1.20:9000 或 127.0.0.1:9000
cli-hint-default-flags = { $peer } 是否也用默认参数运行？
cli-hint-same-flags = { $peer } 是否用相同的参数运行：{ $flags }？
cli-message-empty = 消息不能为空：0 字节的 send 不会往网络上发送任何东西
cli-clients-no-address = （这台计算机除了 127.0.0.1 没有别的网络地址：请先接入网络，再查出地址——Windows 用 ipconfig，Linux 用 ip addr，macOS 用 ipconfig getifaddr en0）
cli-clients-more = 另外 { $n } 个
cli-clients-others = （或 { $others }：这台计算机有 { $n } 个地址，请用与另一台计算机在同一网络的那个）
cli-listening = { $this }：正在监听 { $addr }——现在启动 { $command }
cli-connected = { $this }：{ $peer } 已连接
cli-connecting = { $this }：正在连接 { $addr }
cli-no-deadline = '{ $text }' 不是有效的期限：请给出大于 0 的秒数
cli-not-seconds = '{ $text }' 不是秒数（应为 0 或更大的数，例如 5 或 0.5）
cli-arg-json = 把报告作为一个 JSON 文档打印到标准输出（供评分程序和脚本使用），而不是带颜色的文字讲解
cli-arg-color = 给输出上色：auto 在终端上上色（除非设置了 NO_COLOR）；always 输出到管道时也上色；never 只输出纯文本
cli-arg-listen = 监听的地址：127.0.0.1:9000 只接受本机的连接，0.0.0.0:9000 也接受其他计算机上的客户端
cli-arg-connect = 服务器的地址，例如 192.168.1.20:9000（即服务器打印出的地址，把 0.0.0.0 换成服务器那台计算机的 IP）
cli-arg-retry_secs = 在这么多秒内不断尝试连接服务器，因此先启动哪一端都可以
cli-arg-timeout = 连接之后，如果对方这么多秒都没有发送任何数据就放弃（对方可能用了不同的参数启动，或者从不关闭连接）
lesson-two-computers = 两台计算机：在这台计算机上运行 `{ $server } --listen 0.0.0.0:9000`（它会打印本机的 IP 地址；也可以用 Windows 上的 ipconfig、其他系统上的 ip addr 或 ifconfig 查看），在防火墙中放行这个端口，然后在另一台计算机上运行 `{ $client } --connect THAT_IP:9000`（THAT_IP 换成刚才那个 IP 地址）。

## `--help` 里 clap 自己的用语。

help-usage = 用法：
help-options = 选项
help-arguments = 参数
help-help = 打印帮助
help-version = 打印版本
help-default = [默认：{ $value }]
help-values = [可选值：{ $values }]
help-values-heading = 可选值：
cli-value-color-auto = 标准输出是终端且没有设置 NO_COLOR 时上色
cli-value-color-always = 总是上色，输出到管道或文件时也上色
cli-value-color-never = 从不上色

# 命令行写错时的说法（英文界面保留 clap 自己的句子）。
cli-unknown-argument = 没有 { $arg } 这个选项
cli-unknown-argument-suggested = 没有 { $arg } 这个选项；你是想写 { $suggested } 吗？
cli-invalid-value = { $arg } 不接受“{ $value }”：可选值是 { $valid }
cli-value-refused = { $arg } 的值“{ $value }”不行：{ $why }
cli-missing = 缺少 { $arg }
cli-conflict = { $arg } 不能和 { $prior } 一起用
cli-value-needed = { $arg } 后面要写一个值
