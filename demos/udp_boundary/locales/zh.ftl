# UDP 一课的中文句子：每次运行的标签、接收方的读法、结论、注释、启动时的
# 提示、错误信息和程序的 --help。每条消息写在一行里，由渲染器按终端宽度换行。
# 占位符（{ $name }）在每种语言里都必须相同（有测试检查）。

status-listening = { $this }：正在 { $addr } 上监听——现在启动 { $peer } --connect { $clients }{ $flags }{ $note }
status-sending = { $this }：{ $peer } 正在发送
status-looking = { $this }：正在 { $addr } 寻找 udp-server
status-answered = { $this }：udp-server 在 { $secs } s 后从 { $from } 应答；开始发送 { $count } 个数据报

label-server = 用 recv({ $size }) 读数据报
label-client = 每条消息作为一个数据报
label-alone = 教程里的两条消息作为数据报发送，迟读
label-side-by-side = 同样的两条消息，迟读：TCP 字节流与 UDP 数据报
label-truncation = recv(16)：缓冲区比 30 字节的消息小
label-too-big = 最大的数据报：65507 B，再多一个字节
label-overflow = 1000 × 1400 B 发给一个不在读的接收方

reader-server = 每个数据报一到就 recv({ $size }) 一次，{ $until }
reader-late = 迟读：等发送方发完再读；每个数据报 recv({ $size }) 一次，{ $until }
reader-tcp-all = 迟读：等 { $queued } B 全部进入接收队列才读，再 recv({ $buffer })，直到发送方关闭连接
reader-tcp-stopped = 迟读：等接收队列不再增长（停在 { $queued } B）才读，再 recv({ $buffer })，直到发送方关闭连接
reader-tcp-late = 迟读
until-it = 直到它到达
until-all = 直到 { $expected } 个全部到达
until-quiet = 直到 { $ms } ms 内再没有数据报到达

verdict-client = 已发送 { $count } 个数据报（{ $bytes } 字节）；它们从 recv 出来是什么样，请看 udp-server 的屏幕
note-client = 每次 send 都立即返回：UDP 不等接收方，数据报丢了也不会告诉这个客户端

refused-one = 发送方自己的内核拒绝了 send #{ $index }（{ $len } B）：{ $why }——这个数据报根本没发出去
refused-many = 发送方自己的内核拒绝了 { $of } 次 send 中的 { $refused } 次（第一次是 #{ $index }：{ $why }）——这些数据报根本没发出去

note-one-each = UDP：每个数据报作为一个整体排队，每次 recv 恰好从队列里取走一个——尽管 { $sends } 个都已在等待
note-one-each-room = UDP：每个数据报作为一个整体排队，每次 recv 恰好从队列里取走一个——尽管 { $sends } 个都已在等待，而且 { $recv_size } 字节的缓冲区装得下全部 { $bytes } B
note-never-came = 预期的 { $expected } 个中有 { $missing } 个始终没到：在路上丢了，或者因队列已满被丢弃——UDP 不重发，也没有谁会被告知
tcp-not-glued = TCP：这次没有哪次 recv 同时拿到两次 send 的字节（{ $sends } 次 send，{ $recvs } 次 recv）——这是时机，不是保证：字节流不记录一次 send 在哪里结束
tcp-glued-separate = TCP：开着 TCP_NODELAY，{ $sends } 次 send 作为 { $segments } 个数据报文段发出（TCP_INFO）——像数据报一样彼此独立——接收队列仍然把它们连在了一起：字节流不记录一次 send 在哪里结束，所以 recv 返回队列里现有的全部字节
tcp-glued-merged = TCP：{ $sends } 次 send 作为 { $segments } 个数据报文段发出（TCP_INFO），接收队列把它们连在了一起：字节流不记录一次 send 在哪里结束，所以 recv 返回队列里现有的全部字节
tcp-glued = TCP：接收队列把几次 send 连在了一起：字节流不记录一次 send 在哪里结束，所以 recv 返回队列里现有的全部字节

trunc-then = ，所以 recv #{ $next } 返回的是下一个数据报，而不是剩下的部分
trunc-real = UDP：recv #{ $index } 用 { $len } 字节的缓冲区接收 { $real } 字节的数据报：它返回前 { $len } B 并设置 MSG_TRUNC；其余 { $gone } B 被丢弃{ $then }
trunc-unknown = UDP：recv #{ $index } 返回了一个装不下的数据报的前 { $len } B，并设置 MSG_TRUNC；其余部分被丢弃{ $then }
trunc-no-real-len = 这个平台不报告被截断的数据报原本有多长（Linux 会：带 MSG_TRUNC | MSG_PEEK 标志的 recv 返回完整长度）
trunc-cut-character = recv #{ $index } 的截断点落在一个字符中间，这个字符的其余字节和剩下的部分一起被丢弃：那个数据报再也无法完整解码
trunc-only-flag = 只有 recvmsg 的 MSG_TRUNC 标志会说明这一点：普通的 recv——Rust 的 UdpSocket::recv、Python 的 sock.recv({ $len })——在 Linux 和 macOS 上一声不吭地返回截断后的字节（Windows 抛出 WSAEMSGSIZE；剩下的部分在那里也没了）
trunc-tcp = TCP：recv({ $recv_size }) 把剩下的留在队列里，每次 recv 都返回字节流接下来的字节，跨越消息边界——被拆开（半包）又被粘上（粘包），但一个字节也没丢

big-refused = { $size } 字节的数据报被 send 拒绝：{ $why }
big-whole = { $size } 字节的数据报完整通过，一次 recv 读到
big-cut = { $size } 字节的数据报到达时被截成 { $len } B
big-lost = { $size } 字节的数据报发出了，却始终没到
big-limit = { $largest } = 65535（最大的 IPv4 包：总长度字段有 16 位）− 20（IPv4 报头）− 8（UDP 报头）：一个数据报必须装进一个 IPv4 包，所以更大的数据报在 send 时就被内核拒绝，什么也到不了网络上
big-macos = macOS 连 { $size } B 都拒绝了：它把数据报限制在套接字的发送缓冲区 SO_SNDBUF 以内，而 SO_SNDBUF 的初始值是 net.inet.udp.maxdgram（默认 9216 B）
big-below = 这个系统连 { $size } B 都拒绝了：它自己的上限比 IPv4 的还低
big-refusal-error = 拒绝就是 send 本身立即返回的错误：忽略它的程序会以为自己发出了什么（Python 抛出 OSError: Message too long）
big-fragments = 在真实网络上，比路径 MTU（以太网上是 1500 B）大的数据报会被拆成 IP 分片发出，丢了任何一个分片，整个数据报就都丢了

overflow-tcp-summary = TCP：发送 { $messages } 条消息（{ $sent } B），{ $recvs } 次 recv 收到 { $received } B，丢失 { $lost } B
overflow-tcp-flow-control = TCP 的流量控制：接收方的队列在 { $queued } B 时满了，窗口关闭，发送方的 send 一直等到接收方腾出空间——被放慢了，而不是被丢弃
overflow-tcp-room = TCP：接收方的队列装得下全部 { $queued } B；如果队列满了，流量控制会拖住发送方
overflow-tcp-glued = TCP：每个字节都到了，但被粘上又被拆开——1000 个边界全没了
overflow-udp-summary = UDP：发送 { $datagrams } 个数据报（{ $sent } B），收到 { $received } 个（{ $got } B），丢失 { $lost } 个——在回环接口上，中间根本没有网络
overflow-udp-first = #1 到 #{ $received } 到达了：它们填满了接收方的队列，之后的每个数据报都遇到满队列，被丢弃
overflow-udp-arrived = 到达的数据报：{ $list }
overflow-udp-no-flow-control = 每次 send 都立即返回：UDP 没有流量控制，所以发送方始终不知道没人在读
overflow-udp-no-flow-control-room = 每次 send 都立即返回：UDP 没有流量控制，所以发送方始终不知道没人在读；接收方 { $rcvbuf } B 的 SO_RCVBUF 装下了 { $received } 个数据报——每个约占 { $each } B，而数据只有 { $size } B：内核把自己的簿记开销也算了进去
overflow-udp-counted = 这期间 Linux 记下了 { $dropped } 次接收缓冲区丢包（/proc/net/snmp 里的 RcvbufErrors，netstat -su；统计的是整台计算机，包括其他程序）
overflow-udp-gone = 丢失的数据报就没了：UDP 没有重传，而且在真实网络上数据报还会乱序和重复——需要全部数据的程序必须自己给它们编号、确认和重发
range = #{ $first } 到 #{ $last }
list-separator = 、
clause-separator = ；

no-answer = 在 { $addr } 等了 { $secs } s，没有 udp-server 应答（{ $probes } 个探测包，{ $how }）；udp-server 在运行吗？地址对吗？防火墙放行 UDP 端口 { $port } 了吗？
no-answer-refused = 端口不可达：那个 UDP 端口上没有程序在监听
no-answer-silent = 完全没有回应

during-first-byte = 等待第一个字节
during-bound-address = 读取绑定的地址
during-deadline = 设置套接字的超时
during-sending = 发送数据报 #{ $index }
during-receiving = 接收（已收到 { $count } 个数据报）
during-restoring = 把套接字恢复为阻塞模式
during-answering-probe = 应答来自 { $to } 的探测包
during-awaiting-client = 等待 udp-client
during-probing = 向 { $addr } 发送探测包
during-awaiting-answer = 等待服务器应答
during-creating = 创建 UDP 套接字
during-receiver-address = 读取接收方的地址

udp-server-about = 接收 udp-client 的数据报，显示每次 recv 返回了什么：每次 recv 一个数据报，绝不会两个粘在一起——而如果 --recv-size 比数据报小，数据报会被截断，剩下的部分就没了。{"\u000A\u000A"}给它和客户端相同的 --message 列表：收到这么多个数据报（或在 --timeout 内再没有数据报到达）它就停下，并把每次 recv 对应到它拿到的那个数据报。
udp-client-about = 把每条消息作为一个数据报发给 udp-server。看服务器的屏幕：每个数据报一次 recv，绝不粘在一起。{"\u000A\u000A"}UDP 没有连接可等，所以客户端先探测：每 100 ms 发一个小的探测数据报，直到 udp-server 应答（最多等 --retry-secs），然后才发送消息。
udp-server-arg-messages = { arg-messages }
udp-client-arg-messages = { arg-messages }
arg-messages = 作为一个数据报发送的一条消息（每条重复一次，按顺序；两边给相同的列表）。默认是教程里的“下雨天留客天留人”和“不留”。空消息会作为一个真正的空数据报发送
udp-server-arg-recv_size = 每次 recv 的缓冲区大小，单位字节（最多 65536：没有更大的数据报）。比数据报小时，数据报会被截断，剩下的部分被丢弃：试试 16

udp-server-after-help = UDP 需要单独的防火墙规则：放行 UDP 端口 9000，而不是 TCP。
