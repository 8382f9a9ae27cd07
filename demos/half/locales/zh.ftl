# 半包一课的中文句子：每次运行的标签、接收方的读法、注释、错误信息和
# 程序的 --help。每条消息写在一行里，由渲染器按终端宽度换行。
# 占位符（{ $name }）在每种语言里都必须相同（有测试检查）。

label-small-recv = recv 缓冲区（{ $recv_size } B）比消息（{ $len } B）小
label-small-queue = 在监听套接字上请求 SO_RCVBUF { $rcvbuf } B，发一条 { $size } 的消息
label-staged = 消息分几块到达（{ $pieces } B）

reader-late = 迟读：等 { $queued } B 全部进入接收队列，再 recv({ $recv_size })，直到发送方关闭连接
reader-prompt = 及时读：一有数据到达就 recv({ $size })
reader-prompt-answering = 及时读：一有数据到达就 recv({ $size })，每次 recv 后回一个字节

note-small-recv = recv({ $recv_size }) 最多返回 { $recv_size } 个字节；其余的留在队列里等下一次调用——一个字节也没丢，但没有哪一次 recv 拿到了整条消息
note-small-queue-applied = 请求 SO_RCVBUF { $rcvbuf } B，内核实际设为 { $applied } B：内核排队的数据从不超过这个数，所以无论 recv 的缓冲区多大，都没有哪次 recv 返回得更多（最多 { $largest } B）
note-small-queue-window = 小队列也让接收方通告的窗口变小，于是发送方被拖住，每次只能发出几 KiB
note-staged = 每次 recv 只返回到那时为止已经到达的数据，就像在慢速或分段的网络上；接收方除非知道消息有多长，否则没法等“剩下的部分”
note-cut-character = 在某个字符中间结束的数据块无法单独解码：Python 的 data.decode("utf8") 在那里会抛出 UnicodeDecodeError

error-zero-piece = 一块不能是 0 字节：写 0 字节什么也发不出去
error-pieces-too-long = 各块加起来有 { $sum } 字节，但消息只有 { $len } 字节

during-sending-pieces = 分块发送消息
during-piece-read = 等待接收方读完第 { $piece } 块
during-answering = 回应发送方
during-first-byte = 等待第一个字节

half-server-about = 接收一条消息，显示读完它用了哪几次 recv：消息被拆成几块出来（半包）。用 --recv-size、--rcvbuf 或 --staged 选一种情形，并给 half-client 相同的选项。
half-client-about = 连接 half-server，发送一条消息。看服务器的屏幕：要好几次 recv 才能读完它（半包）。使用和服务器相同的情形选项（--recv-size、--rcvbuf 或 --staged）。
half-server-arg-recv_size = { arg-recv_size }
half-client-arg-recv_size = { arg-recv_size }
half-server-arg-rcvbuf = { arg-rcvbuf }
half-client-arg-rcvbuf = { arg-rcvbuf }
half-server-arg-staged = { arg-staged }
half-client-arg-staged = { arg-staged }
half-server-arg-message = { arg-message }
half-client-arg-message = { arg-message }
half-server-arg-size = { arg-size }
half-client-arg-size = { arg-size }
half-server-arg-pieces = { arg-pieces }
half-client-arg-pieces = { arg-pieces }
arg-recv_size = 情形 1（默认）：服务器用 recv(N) 读，N 比消息小。16 正好把句子切在“天”字中间
arg-rcvbuf = 情形 2：服务器的监听套接字设 N 字节的 `SO_RCVBUF`（省略 N 则为 4096），发一条大消息（--size）；recv 返回的永远不会超过内核排队的数据
arg-staged = 情形 3：客户端把消息分块写出（--pieces），每块都等服务器读完上一块才写
arg-message = 情形 1 和 3 的消息（默认是教程里的句子）
arg-size = 情形 2 的消息大小，单位字节（“重要信息”重复）
arg-pieces = 情形 3 的各块大小，用逗号分隔；消息剩下的部分作为最后一块
