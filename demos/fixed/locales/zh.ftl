# 定长包头一课的中文句子：每次运行的标签、解码器的状态、结论、注释、
# fixed-slicer 的输出和程序的 --help。每条消息写在一行里，由渲染器按终端宽度换行。
# 占位符（{ $name }）在每种语言里都必须相同（有测试检查）。

label-sticky = 加帧：粘包演示的两条消息
label-half = 加帧：半包演示的那句话
label-staged = 加帧：这句话分成 2、5、13 字节和剩下的部分写出
label-small-queue = 加帧：一条 256 KiB 的消息，请求 SO_RCVBUF 4096 B
label-nagle = 加帧：十次 send，每次一个字符，TCP_NODELAY 开启

state-between = 处于两帧之间：等待 4 字节的报头
state-header = 已有 4 字节报头中的 { $have } 字节；还差 { $need } 字节
state-body = 已有 { $len } 字节消息中的 { $have } 字节；还差 { $need } 字节
state-stopped = 已停止：{ $error }
state-complete = { $frames } 已完整；{ $state }
frames-one = 帧 { $frame }
frames-range = 帧 { $first } … { $last }
frames-list = 帧 { $list }
list-separator = 、

decode-too-large = 一个报头声明了 { $len } 字节的消息，超过了这一方接受的 { $max } 字节（数据流已损坏，或者发送方用的是别的分帧方式）
decode-truncated-body = 数据流在一条 { $len } 字节消息的第 { $got } 字节处结束了
decode-truncated-header = 数据流在 { $header } 字节长度报头的第 { $got } 字节处结束了

note-whole = 4 字节的报头告诉接收方每条消息有多长，所以网络在哪里切开字节已经无关紧要：解码器只需等剩下的部分到来
note-not-frames = 到达的字节不是这一方预期的帧：发送方用了别的分帧方式（或者没有分帧），发的是别的消息，或者数据流被截断了

verdict-frames = 发送 { $sent } 个帧，{ $recvs } 次 recv { $shape }；{ $outcome }
shape-one-each = 把{ $sent ->
        [1] 它
       *[other] 它们
    }逐个返回，每次一个帧
shape-glued = 把{ $sent ->
        [1] 它
       *[other] 它们
    }粘在一起返回
shape-split = 把{ $sent ->
        [1] 它
       *[other] 它们
    }拆开返回
shape-glued-split = 把{ $sent ->
        [1] 它
       *[other] 它们
    }粘上又拆开返回
outcome-one = 解码器完整地重建了这条消息
outcome-both = 解码器完整地重建了两条消息
outcome-all = 解码器完整地重建了全部 { $sent } 条消息
decoded-stopped = 解码器停止了：{ $error }
decoded-only = { $sent } 条消息中只有 { $whole } 条完整
verdict-unexpected = 预期 { $sent } 个帧（{ $expected } B）；{ $recvs } 次 recv 返回的 { $bytes } 个字节不是这些帧；{ $decoded }
verdict-stopped-reading = ；这一方读到 { $limit } B 后停止读取
verdict-cut = { $cut }；{ $decoded }
count-frames = { $sent } 个帧

fixed-server-about = 接收 fixed-client 的帧——4 字节大端序长度，然后是消息——并解码。recv 返回的数据块和前面几个演示一样，该粘的粘、该拆的拆；每条消息照样完整出来。任何发送 struct.pack("!I", len(data)) + data 的客户端也都可以。
fixed-client-about = 连接 fixed-server（或挡在它前面的 fixed-slicer），把情景里的每条消息作为一个帧发出：也就是 Python 的 struct.pack("!I", len(data)) + data 产生的字节。
fixed-server-arg-prompt = 字节一到就读（用 64 KiB 的缓冲区），而不是按情景本身的迟读方式：经过 fixed-slicer 时，每一片都会成为单独的一次 recv
fixed-server-arg-scenario = { arg-scenario }
fixed-client-arg-scenario = { arg-scenario }
fixed-server-arg-messages = { arg-messages }
fixed-client-arg-messages = { arg-messages }
arg-scenario = 发送哪个演示的流量，这次加上帧
arg-messages = 改为发送这些消息（每条重复一次，按顺序；给服务器相同的列表，它才能检查每个帧）
scenario-sticky = 粘包演示：教程里的两条消息；服务器迟读
scenario-half = 半包演示：教程里的那句话；服务器用 recv(16) 读
scenario-nagle = Nagle 演示：十条单字符消息，开启 `TCP_NODELAY`；迟读

side-client = 客户端
side-server = 服务器
direction-client-to-server = 客户端→服务器
direction-server-to-client = 服务器→客户端
slicer-listening = { $me }：正在 { $addr } 上监听，转发到 { $upstream }，切成 { $size } 的小片，每片间隔 { $delay } µs——让客户端连接 { $clients }{ $note }
slicer-size-exact = { $low } B
slicer-size-range = 约 { $average } B（{ $low }–{ $high } B）
slicer-error = { $me }：{ $error }
slicer-connection = { $me }：连接 #{ $number } 来自 { $peer }，正在连往 { $upstream }
slicer-connection-error = { $me }：连接 #{ $number }：{ $error }
slicer-closed = { $me }：连接 #{ $number } 已关闭：{ $summary }
slicer-ended-early = { $me }：连接 #{ $number } 提前结束，{ $why }：{ $summary }
slicer-flow = { $direction } { $bytes } B，共 { $pieces } 片
slicer-flows = { $there }；{ $back }
slicer-same-address = --upstream { $upstream } 就是切片器自己的 --listen 地址：它会转发给自己
slicer-dump-heading = { $direction } 第 { $index } 片  { $len } B  （流中字节 { $offset }..{ $end }）
slicer-thread-stopped = 转发线程意外停止了
slicer-silent = { $receiver }已经结束 { $secs } s 了，{ $sender }仍然开着自己那一端，一声不吭
slicer-reset = { $side }重置了连接
slicer-closed-already = { $side }已经关闭了连接
slicer-stopped-reading = { $side }不再读取，切片器也就停止向它写入
slicer-setting-deadlines = 设置通往{ $side }的超时
slicer-reading = 从{ $side }读取
slicer-writing = 向{ $side }写入
slicer-nodelay-client = 在通往客户端的连接上开启 TCP_NODELAY
slicer-nodelay-server = 在通往服务器的连接上开启 TCP_NODELAY

fixed-slicer-about = 把 TCP 连接转发给服务器，把每个数据块切成约 --average 字节的小片，每片间隔 --delay-us 写出：每一片都作为单独的一次 recv 到达接收方（半包）。字节从不改变，只是被切开。真正分帧（带长度报头）的接收方不受影响
fixed-slicer-after = 例子：在端口 9000 上启动一个服务器，然后运行 `fixed-slicer --upstream 127.0.0.1:9000 --listen 127.0.0.1:9001 --average 3 --dump`，再让客户端连接端口 9001 而不是 9000。
fixed-slicer-arg-listen = 切片器为客户端监听的地址：127.0.0.1:9001 只供本机，0.0.0.0:9001 供其他计算机上的客户端
fixed-slicer-arg-upstream = 真正的服务器地址（实验室的服务器监听 9000）：每个客户端都有自己通往它的连接
fixed-slicer-arg-average = 每片的平均大小，单位字节
fixed-slicer-arg-variation = 每片大小为平均值 ± 至多这么多字节（随机抽取，不小于 1）；0 表示每片都正好 --average 字节
fixed-slicer-arg-delay_us = 两片之间的微秒数：正是这个停顿让每一片作为单独的一次 recv 到达
fixed-slicer-arg-seed = 片大小的随机种子：相同的种子在相同的位置切开相同的数据流
fixed-slicer-arg-dump = 在 stderr 上以十六进制转储每一片，附上方向、序号和大小
fixed-slicer-arg-once = 只服务一个连接，然后退出
fixed-slicer-arg-retry_secs = 为每个客户端连接服务器时，最多重试这么多秒，这样切片器和服务器谁先启动都可以
fixed-slicer-arg-close_timeout = 一方关闭自己的方向后，另一方最多可以这么多秒不发送数据而保持打开，之后切片器关闭两条连接（例如服务器还在等一个已经离开的客户端）
fixed-slicer-arg-color = 给转储着色：`auto` 在 stderr（转储写到那里）是终端且未设置 `NO_COLOR` 时着色

fixed-server-after-help = 在客户端和服务器之间放上 fixed-slicer，可以任意重新切分字节流：每条消息照样完整地出来。
