# 粘包一课的中文句子：每次运行的标签、接收方的读法、注释、错误信息和
# 程序的 --help。每条消息写在一行里，由渲染器按终端宽度换行。
# 占位符（{ $name }）在每种语言里都必须相同（有测试检查）。

label-run = { $reader }，{ $nodelay }
label-late = 迟读的接收方
label-prompt = 及时读的接收方
label-nodelay-on = TCP_NODELAY 开启
label-nodelay-off = TCP_NODELAY 关闭

reader-late = 迟读：等 { $queued } B 全部进入接收队列，再 recv({ $buffer })，直到发送方关闭连接
reader-prompt = 及时读：一有数据到达就 recv({ $buffer })

note-late-glued = 每个报文段都追加到接收方唯一的接收队列里；recv 交回队列里现有的全部字节，而字节流不记录一次 send 在哪里结束
note-prompt = 这个接收方一有字节到达就调用 recv，所以拿到几块取决于时机和负载：再运行一次可能就不一样；无论结果如何，都不能依赖它
note-separate-nodelay = TCP_NODELAY 已开启，这次 { $sends } 次 send 作为 { $segments } 个独立的报文段发出，却仍然粘在一起：粘包发生在接收队列里，所以 TCP_NODELAY 防不住它
note-separate-nagle = 即使开着 Nagle 算法，这次 { $sends } 次 send 也作为 { $segments } 个独立的报文段发出，却仍然粘在一起：粘包发生在接收队列里，所以 TCP_NODELAY 防不住它
note-nagle-merged = 开着 Nagle 算法，这次 { $sends } 次 send 只作为 { $segments } 个报文段发出：前一个小报文段还没收到 ACK 时，Linux 会扣住后面的小写入，再把扣住的字节一起发出；TCP_NODELAY 那次运行说明，粘包并不是它造成的

during-first-byte = 等待第一个字节

sticky-server-about = 接收客户端的消息，显示每次 recv 返回了什么：消息粘在一起出来（粘包）。{"\u000A\u000A"}服务器默认是“迟读的接收方”：等客户端的字节全部进入内核的接收队列，才调用 recv。给它和客户端相同的 --message 列表，它才能指出每个字节来自哪条消息。
sticky-server-arg-messages = 客户端发送的一条消息（每条重复一次，按顺序）。只用来追溯每个字节来自哪条消息；默认是教程里的两条
sticky-server-arg-prompt = 字节一到就读，而不是等全部到齐：读到几块就取决于时机了
sticky-client-about = 连接 sticky-server，每条消息用一次 send 发出。看服务器的屏幕：它们粘在一起到达（粘包）。
sticky-client-arg-messages = 要发送的一条消息（每条重复一次，按顺序）。默认是教程里的“下雨天留客天留人”和“不留”
sticky-client-arg-nodelay = `TCP_NODELAY`：`on` 让每条消息立即作为单独的报文段发出；`off`（默认）让 Nagle 算法扣住小写入。两种情况下服务器收到的都是粘在一起的
switch-on = 设置该选项
switch-off = 清除该选项
