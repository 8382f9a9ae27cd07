# Nagle 一课的中文句子：运行的标题、解释每次测量的说明、结论、用法错误和 --help。
# 每条消息写在一行里，由渲染器按终端宽度换行。
# 占位符（{ $name }）在每种语言里都必须相同（有测试检查）。
# 时间传进来时已经格式化（"43.99"）：说明引用的是实测值。

## --help

nagle-server-about = 回应 nagle-client：对每个请求回复 2 字节（卡顿类变体），或者先回答三次预热，再及时读取那一串写入。--variant 要与客户端相同。
nagle-client-about = 连接 nagle-server，按 --variant 的不同：测量请求的往返时间（报头和消息体分两次写：开启 Nagle 时每次都要等对方的延迟确认，Linux 约 40 ms，Windows 约 200 ms），或者在三次预热后连续做九次单字节写入。
nagle-server-arg-variant = 运行哪一种；两端要给同一个
nagle-client-arg-variant = 运行哪一种；两端要给同一个
nagle-server-arg-round_trips = 卡顿实验的往返次数（由客户端决定；服务器来多少答多少）
nagle-client-arg-round_trips = 卡顿实验的往返次数（由客户端决定；服务器来多少答多少）
choice-nagle = 默认设置下的卡顿：报头和消息体分两次写
choice-nodelay = 客户端开启 `TCP_NODELAY` 时的卡顿
choice-quickack = 服务器每次读之前重新设置 `TCP_QUICKACK` 时的卡顿（Linux）
choice-quickack-once = 服务器只设置一次 `TCP_QUICKACK` 时的卡顿（Linux）
choice-cork = 客户端用 `TCP_CORK` 包住两次写入时的卡顿（Linux）
choice-combined = 避开卡顿：报头和消息体一次写出
choice-burst = 三次预热后连续九次单字节写入，开启 Nagle
choice-burst-nodelay = 三次预热后连续九次单字节写入，开启 `TCP_NODELAY`
choice-minshall = 一个满报文段之后两次单字节写入：看哪一次要等（Linux）

## 用法错误

usage-needs-linux-option = “{ $variant }”需要 Linux 的套接字选项（TCP_QUICKACK 或 TCP_CORK），本平台没有
usage-minshall-needs-linux = 'minshall' 需要 Linux：发送方要读 TCP_INFO 才能看出内核扣住了哪次写入，而本平台没有 TCP_INFO

## 卡顿

stall-label = 请求分两次写出（4 字节报头，再写消息体），然后读回复
variant-nagle = Nagle 开启（默认）
variant-nodelay = 客户端开启 TCP_NODELAY
variant-quickack = 每次读之前重新设置 TCP_QUICKACK
variant-quickack-once = TCP_QUICKACK 只设置一次
variant-cork = 用 TCP_CORK 包住两次写入
variant-combined = 合并成一次写入
why-fast-nodelay = TCP_NODELAY 让每个消息体立即发出，不等报头的 ACK
why-fast-cork = TCP_CORK 把每个报头留住，等消息体来了一起发：只发出一个报文段，没有什么要等 ACK
why-fast-combined = 报头和消息体一次写出，成为一个报文段：没有什么要等 ACK
why-fast-quickack = 服务器立即确认了每个报头——每次读之前重新设置 TCP_QUICKACK，就是让它这样做
why-fast-server = 服务器立即确认了每个报头——Linux 对连接最初的几个报文段不延迟确认，所以往返次数少时可能在延迟确认开始之前就结束了（试试 --round-trips 20）；而每次都重新设置 TCP_QUICKACK 的服务器（--variant quickack）从不延迟
note-nagle-held = Nagle 算法扣住了消息体（一次小写入），因为刚刚发出的报头（一个小报文段）还没有被确认——Linux 只在更早的小报文段还在途中时扣住小写入（Minshall 规则）；RFC 896 则只要有任何数据在途中就扣住
note-server-delayed = 服务器延迟了这个 ACK，想等有回复时捎带过去——而回复又在等消息体：最慢的一行每次往返 { $ms } ms
note-no-stall = 这次没有往返卡住（最慢的中位数是 { $ms } ms）：{ $why }
note-quickack-cleared = TCP_QUICKACK 用过之后会被内核清除：只设置一次毫无作用，每次往返 { $once } ms；每次读之前重新设置才消除了卡顿，每次往返 { $rearmed } ms
note-quickack-both = TCP_QUICKACK 只设置一次：每次往返 { $once } ms；每次读之前重新设置：{ $rearmed } ms
note-not-on-platform = 本平台没有（TCP_QUICKACK 和 TCP_CORK 只有 Linux 才有）：{ $variants }
list-separator = 、
verdict-answered = 回答了 { $n } 个请求；往返时间显示在客户端的屏幕上
doing-round-trip = 第 { $n } 次往返
doing-setting-quickack = 设置 TCP_QUICKACK
doing-rearming-quickack = 重新设置 TCP_QUICKACK
doing-reading-request = 读取请求
doing-replying = 回复
doing-timing = 测量往返时间
during-sending-body = 发送请求的消息体
during-sending-request = 发送请求
error-body-not-ours = { $len } 字节的消息体不是本实验发出的
error-no-round-trip = 一次往返也没有完成

## 一串小写入

label-burst-nagle = { $warmups } 次预热后 { $writes } 次单字节写入，及时读的接收方，Nagle 开启
label-burst-nodelay = { $warmups } 次预热后 { $writes } 次单字节写入，及时读的接收方，开启 TCP_NODELAY
reader-burst = 及时读：回答了 { $warmups } 次单字节预热，之后一有数据到达就 recv({ $size })
burst-segments = 共 { $n } 个数据报文段，
burst-one-recv = 全部在一次 recv 中
burst-spread = 最后一个字节比第一个晚 { $ms } ms
note-burst-waited = 第一个字节立即发出；其余字节等了 { $wait } ms 才等到它的 ACK，因为接收方延迟了确认：{ $segments }{ $when }
note-burst-tutorial = 这就是教程归咎于 Nagle 的粘包——确实存在，但只发生在发送方趁更早的小报文段还未确认时又写入的情况下，而且从来不是唯一的原因
note-burst-no-wait = 这次没有写入需要等待：{ $segments }{ $when }{ $joined }
burst-not-nagle = ——这里不管是什么把字节合进了一次 recv，都不是 Nagle 算法
doing-warm-up = 第 { $n } 次预热
doing-answering-warm-up = 回答第 { $n } 次预热

## Minshall 规则

minshall-label = 3 次预热后，先写一个满报文段，再两次单字节写入：哪次小写入要等？
column-write = 写入
column-unacked = 未确认的报文段
column-held = 扣住的字节
column-kernel = 内核
minshall-no-tcp-info = 本平台不提供 TCP_INFO，发送方看不到内核扣住了哪次写入；请在 Linux 上运行这一部分
write-full-segment = 满报文段
write-row = { $name } ({ $len } B)
kernel-sent = 立即发出
kernel-held = 扣住未发
verdict-minshall = 虽然有一个满报文段还没被确认，"a" 仍立即发出，而 "b" 排在小报文段 "a" 后面等待：这个内核遵循的是 Minshall 规则，不是 RFC 896 的规则
note-rfc-896 = RFC 896（Nagle，1984 年）规定：只要有已发出的数据未被确认，小写入就要等待——照它的规则，"a" 会被扣在那个 { $len } B 的报文段后面
note-minshall-linux = Linux 采用 Minshall 的改进：只有更早的小报文段未被确认时，小写入才等待——所以 "a" 发出去了，"b" 则要等 "a" 的 ACK，而接收方延迟了这个 ACK
note-either-way = 无论按哪条规则，TCP_NODELAY 都会让三次写入立即发出；也无论按哪条规则，迟读的接收方拿到的字节都粘在一起
verdict-expected-writes = 应有 3 次写入，实际看到 { $n } 次
what-acked-first = 接收方在写 "a" 之前就确认了满报文段，途中没有数据可供 Nagle 规则判断
what-held-like-rfc = "a" 被扣在满报文段后面，正如 RFC 896 所说（这个内核不用 Minshall 规则）
what-a-acked = "a" 在写 "b" 之前就被确认了，"b" 没有什么可等的
verdict-this-time = 这次{ $what }；请再运行一次
reader-minshall = 迟读：回答 3 次预热后，一直等到发送方关闭连接才第一次 recv
doing-sending-write = 发送第 { $n } 次写入

## 迟读的接收方

label-late-reader = 迟读的接收方，开启 TCP_NODELAY，每次 send 一个字符
note-latency-not-framing = 所以 TCP_NODELAY 解决的是延迟问题，不是分帧问题：“关掉 Nagle”不是粘包的正确答案；接收方需要知道每条消息在哪里结束

nagle-server-after-help = 在真实的网络上往返时间更长，延迟确认还要再加上去：Linux 上 40 ms，Windows 上约 200 ms，macOS 上 100 到 200 ms。
