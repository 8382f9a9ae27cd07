# 陷阱一课的中文句子：每个错误和正确版本的标题、被研究的代码在每次 recv 旁得出的结论、
# 结论、说明和表格。每条消息写在一行里，由渲染器按终端宽度换行。
# 占位符（{ $name }）在每种语言里都必须相同（有测试检查）。
# 消息里的 Python 和 Rust 代码在各种语言里都保持原样。

## 实验台

said-separator = ；
pieces-of = { $low } 字节一片
pieces-between = { $low } 到 { $high } 字节一片
pieces = 切片器把字节流切成 { $size }，每片相隔 { $ms } ms
doing-running = 运行{ $who }
who-sending-server = 发送数据的服务器
who-slicer = 切片器
error-thread-panicked = 它的线程意外终止（panic）
doing-nodelay = 打开 TCP_NODELAY
doing-receiving = 接收（已收到 { $n } 字节之后）
during-reading-exactly = 读取 { $n } 字节（已收到 { $got }）
doing-reading-rest = 读取剩下的数据
size-bytes = { $n } 字节
size-bytes-pictured = { $n } 字节（{ $size }）
size-unknown = 未知长度
decoder-stopped = 已停止：{ $error }
decoder-complete = 完成 { $count } 帧：{ $frames }；{ $state }
reader-decoder = 及时读：recv(1024)，每块数据都送进解码器

## (a) 计数

label-a-broken = (a) 错误 · have += 1024，不管 recv 实际返回多少
label-a-correct = (a) 正确 · have += len(chunk)，只请求还缺的部分
reader-a-broken = 及时读：先 recv(4)，再在 have < total 时 recv({ $size })，与教程的客户端相同
reader-a-correct = 及时读：recv(min(1024, total - have))，直到 have == total
note-a-pieces = { $pieces }；及时读的接收方每次 recv 拿到一片，就像在慢速或繁忙的网络上
note-a-counts-asked = 教程的循环 `while have < total: data += client.recv(1024); have += 1024` 数的是请求了多少：recv(1024) 最多返回 1024 字节——缓冲区里有多少就返回多少，少到只有一个字节
note-a-lost = 从这里开始客户端就乱了：它在等一条 { $size }的消息，而这条消息从未发出过，之后的每次读取都错了位（还有 { $unread }没有读）
verdict-a-correct = 同样的切片，{ $recvs } 次 recv，分别为 { $sizes } B：循环加上每次 recv 实际返回的字节数，并且只请求还缺的字节——{ $total } 条消息中 { $whole } 条完整
note-a-correct = have += len(chunk)：计数跟着实际收到的字节走，而不是跟着请求走；recv 返回 b"" 表示对方提前关闭了连接，这是错误，不是一条消息的结束
said-a-head-short = head = recv(4) 只返回了 { $got }：struct.unpack 抛出 struct.error
said-recv-again = { $have } < { $total }：再 recv 一次
said-loop-ends = { $have } ≥ { $total }：循环结束，len(data) = { $len }
said-recv-returned = recv 返回 { $n }，have += 1024 → { $next }
said-inside-message = ——其实是消息 1 的第 { $from }..{ $to } 字节
said-next-head = 下一个 head = recv(4) → total = { $total }{ $inside }
said-next-head-short = 下一个 head = recv(4) 没读满：struct.unpack 抛出 struct.error
during-reading-header = 读取报头（4 字节中的 { $n } 字节）
said-header-total = 报头 → total = { $total }
during-reading-message = 读取一条 { $total } 字节的消息（已收到 { $got }）
said-have = have += { $n } → 已有 { $have } / { $total }
verdict-a-kept = 它在 { $recvs } 次 recv 后停下，拿到了 { $total } 字节中的 { $data } 字节
verdict-a-nothing-lost = 什么也没丢——这次 bug 藏住了
verdict-a-lost = 消息 1 有 { $lost } 字节没进 data
verdict-a-swallowed = 还把消息 2 的 { $swallowed } 字节粘了上去
verdict-a-next = ；下一个 recv(4) 把 { $hex } 当成了长度：{ $size }
verdict-a-broken = 循环每次 recv 都算 1024，但 recv 实际返回 { $returned }：{ $kept }；{ $damage }{ $next }

## (b) 半个报头

label-b-broken = (b) 错误 · head = client.recv(4)：只用一次 recv 读报头
label-b-correct = (b) 正确 · 每块数据都送进解码器，它会等齐 4 字节报头
reader-b-broken = 及时读：用一次 recv(4) 读报头，与教程的客户端相同
verdict-b-broken = recv(4) 返回了 { $got }（{ $hex }）：半个报头。Python 在这里抛出 { $error }；不管不顾照用这个缓冲区的代码会读出 { $read_hex } = 一条 { $read } 字节的消息（报头里写的是 { $announced }），之后的每次读取都错了位
verdict-b-whole = 这次 recv(4) 返回了全部 4 字节报头：接收方读得够晚，切片又在缓冲区里攒到了一起——bug 藏住了
note-b-pieces = { $pieces }：没有一片装得下完整的 4 字节报头
note-b-at-most = recv(4) 的意思是“最多 4 字节”：报头和其他数据一样，只是字节流中的字节，网络可以在任何地方把它切开
verdict-b-correct = 同样的切片，{ $recvs } 次 recv，每次最多 { $largest } 字节：解码器保留报头的每一部分，直到 4 字节齐全——{ $total } 条消息中 { $frames } 条完整
note-b-correct = 用 Python 写：用循环读满 n 字节——`while len(buf) < n: chunk = sock.recv(n - len(buf)); if not chunk: raise ConnectionError; buf += chunk`——报头这样读，消息体也这样读
said-b-short = head = recv(4) 只返回了 4 字节中的 { $n } 字节 → { $error }；当作补零的整数：total = { $total }

## (c) 写不全

label-c-broken = (c) 错误 · conn.send(frame)：在非阻塞套接字上只写一次，不看返回的字节数
label-c-correct = (c) 正确 · sendall / write_all：一直写，直到内核收下每个字节
reader-c = 等第一次写入返回后才开始读，然后 recv({ $size }) 送进解码器
then-error = ；随后{ $error }
verdict-c-broken = write() 只收下了帧 1 的 { $asked } 字节中的 { $taken } 字节，代码就接着写帧 2：接收方相信报头里的 { $big }，把帧 2 当成了消息 1 的一部分{ $got }——2 条消息中 { $frames } 条完整
verdict-c-not-short = 在本平台上 write() 一次就收下了全部 { $asked } 字节：这次没有写不全，忽略返回值也没造成损害——但代码仍然是错的
note-c-sndbuf = SO_SNDBUF 设得很小（请求 { $sndbuf } B），接收方又暂时不读：内核只收下发送缓冲区和接收方窗口装得下的部分，非阻塞的写入立即返回这个字节数
note-c-python-docs = Python 文档对 socket.send 的说明："Returns the number of bytes sent. Applications are responsible for checking that all data has been sent"（返回已发送的字节数，应用程序负责检查数据是否全部发出）；设置了超时（settimeout）的套接字内部是非阻塞的，所以它的 send 也可能写不全
verdict-c-correct = 这里第一次写入同样只收下了 { $asked } 字节中的 { $taken } 字节；循环随着接收方腾出空间写完了其余 { $rest } 字节——2 条消息中 { $frames } 条完整
note-c-sendall = sendall 循环调用 send，直到每个字节都被收下；Rust 的 write_all 也一样，在非阻塞套接字上每次重试都会等到套接字能收下更多数据
doing-nonblocking = 把套接字设为非阻塞
doing-sending-frame = 发送第 { $n } 帧
doing-blocking-again = 把套接字改回阻塞

## (d) 字节序

label-d-broken = (d) 错误 · struct.pack("i", 24) → 18 00 00 00，按网络字节序读
label-d-correct = (d) 正确 · struct.pack("!I", 24) → 00 00 00 18，在任何机器上都一样
reader-d = 及时读：recv(1024)，每块数据都送进按网络字节序解析的解码器
refused-too-large = ，解码器拒绝了它：超过了它接受的 { $max } 字节
refused-other = ：{ $error }
verdict-d-broken = 报头 { $hex } 对小端序的发送方来说是 24，对按网络字节序读的接收方来说却是 { $size }{ $refused }——2 条消息中读出了 { $frames } 条
note-d-pieces = { $pieces }；问题不在切分
note-d-native = "i" 是本机字节序：在 x86 和 ARM 上 24 都是 18 00 00 00，两者一致，所以教程的代码在课堂上能用；换成大端序的机器，或任何按网络字节序读的接收方，读到的就是 0x18000000
note-d-no-limit = 如果没有上限，接收方会一直等永远不会到来的 { $read } 字节；这个解码器在等待之前就拒绝超过 { $max } 字节的长度
verdict-d-correct = 报头 { $hex } 在任何机器上都读作 { $len }——2 条消息中 { $frames } 条完整
note-d-network = "!" 表示网络字节序（大端序），"I" 表示无符号：与本实验的帧报头、Java 的 DataOutputStream.writeInt 和 tokio-util 的 LengthDelimitedCodec 的字节完全相同
label-d-too-big = (d) 3 GB 的长度：有符号 32 位整数装不下
column-call = 调用
column-gives = 结果
verdict-d-too-big = "i" 能表示的长度最多 { $imax } 字节（2 GiB − 1）：3 GB 的文件根本无法声明长度，按有符号数读回来长度是负的；"!I" 最多 { $umax }（4 GiB − 1），更长的消息体需要 64 位长度 "!Q"
note-d-wrapped = { $three }u32 as i32 得 { $wrapped }：按有符号数解析长度的接收方会得到负的 total，教程的 `while have < total` 一次也不执行——收到一个空文件
note-d-none = codec::frame::header 返回 None：4 字节的帧报头描述不了 4 GiB；"!Q" 是 8 字节，最多 16 EiB

## (e) 菜单

label-e-too-long = (e) 错误 · movie_pickle = client.recv(1024)：一份 { $names } 个文件名的菜单，{ $len } B
reader-e-late = 迟读：等全部 { $len } B 都进了缓冲区，再 recv(1024) 一次，与教程的客户端相同
verdict-e-too-long = recv(1024) 返回了 { $len } 字节中的 { $got } 字节——它永远不会返回超过 1024 字节——菜单解析失败：{ $error }
verdict-e-parsed = 菜单解析成功：{ $n } 个文件名
note-e-queued = 整份菜单在 recv 之前就都在缓冲区里了，所以单是缓冲区大小就把它切断了：每次运行、在任何网络上都会这样；剩下的 { $rest } 字节留在缓冲区里，下一次读取——读第一个文件的报头——会把它们当成长度
note-e-pickle = 教程发送的是 pickle：被截断时 pickle.loads 抛出 "pickle data was truncated"；而且对网络上来的字节做 unpickle 会执行发送方选定的任何代码——永远不要 unpickle 对方发来的东西
label-e-short = (e) 错误 · 同样的 recv(1024)，菜单只有 { $names } 个文件名，{ $len } B
reader-e-prompt = 及时读：recv(1024) 一次，与教程的客户端相同
verdict-e-short = 菜单只有 { $len } 字节，远小于 1024，可 recv(1024) 只返回了 { $got }：第一片——{ $error }
verdict-e-short-whole = 这次 recv(1024) 返回了整份菜单（{ $n } 个文件名）：接收方读得够晚，切片在缓冲区里攒到了一起——bug 藏住了
note-e-upper-bound = 1024 是上限，不是承诺：recv 返回的是到目前为止已经到达的数据
label-e-correct = (e) 正确 · { $names } 个文件名的菜单作为一帧发送，读完整再解析
verdict-e-correct = 同样的 { $piece } 字节切片，{ $recvs } 次 recv：解码器等齐了报头声明的全部 { $len } 字节，json.loads 读出了全部 { $n } 个文件名
verdict-e-not-parsed = 菜单解析失败：{ $error }
note-e-correct = 发送方：conn.sendall(struct.pack("!I", len(menu)) + menu)；接收方：先读满 4 字节，再读满那么多字节，然后 json.loads
said-json-names = json.loads → { $n } 个文件名

## (f) 分隔符

label-f-delimiter = (f) 分隔符 · 每条消息后加一个 \n，其中一条消息内含换行
reader-f-lines = 及时读：recv(1024)，遇到 \n 就切出一行
verdict-f-delimiter = 发出 { $messages } 条消息，得到 { $lines } 行：{ $which } 里含有 \n，接收方就在那里把它切开了——读取方式应付得了每一片，格式却不行；{ $total } 条消息中 { $whole } 条完整
which-one = 消息 #{ $n }
which-many = { $n } 条消息
note-f-line-pieces = { $pieces }；按行读取的接收方不在乎
note-f-escape = 分隔符只有在消息里从不出现时才可靠：带换行的文本或任何二进制数据（一张图片、struct.pack 打包的数字）都必须对它转义——那样每个字节都要扫描、反转义
note-f-line-too-many = 在 \n 到达之前，接收方无法知道一条消息有多长：这里的 { $lines } 行多了一行
said-between-lines = 正在两行之间
said-holding-line = 未完成的一行已有 { $n } 字节
said-lines-complete = 完成 { $count } 行：{ $lines }；{ $holding }

## (f) 定长

label-f-fixed = (f) 定长 · 每条消息补齐或截断为 { $record } 字节的记录
reader-f-fixed = 及时读：每条记录正好 { $record } 字节，去掉末尾的零
verdict-f-fixed = { $messages } 条消息共 { $sent } B，发送了 { $wire } B：其中 { $padding } B 是填充；消息 { $long } 装不进 { $record } 字节的记录，丢掉了最后 { $cut } 字节——{ $total } 条消息中 { $whole } 条完整
note-f-record-pieces = { $pieces }；按记录读取的接收方不在乎
note-f-cut-char = 记录 #{ $n } 在“{ $char }”的中间结束：这个字的 { $len } 字节只有 { $before } 字节在记录里，所以连到达的那部分也不能解码成文本
note-f-record-long = 记录必须和以后可能发送的最长消息一样长，每条更短的消息都要为此付出填充；截断之外的另一条路是拒绝——无论哪种，这条消息都发不出去
note-f-zeros = 去掉末尾的零，前提是没有消息以零字节结尾：二进制数据终究还得在记录里写上自己的长度
said-holding-record = { $record } 字节的记录已有 { $n } 字节
said-record-complete = 记录 #{ $n } 完整：消息 { $message } B，填充 { $padding } B
during-reading-record = 读取一条 { $record } 字节的记录（已收到 { $n }）

## (f) 长度前缀，以及三种方式的对比

label-f-prefix = (f) 长度前缀 · 同样的消息，每条前面加 4 字节长度
verdict-f-prefix = { $messages } 条消息共 { $bytes } B，每条 { $header } B 报头：#3 里的换行和它的 43 字节都只是载荷——{ $total } 条消息中 { $frames } 条完整
note-f-decoder-pieces = { $pieces }；解码器同样不在乎
label-f-table = (f) 选哪种分帧？长度前缀、分隔符、定长
column-framing = 分帧方式
column-overhead = 开销
column-max-size = 最大长度
column-binary-safe = 二进制安全
column-escaping = 需要转义
column-can-stream = 可流式发送
cell-yes = 是
cell-no = 否
cell-length-prefix = 长度前缀
cell-prefix-overhead = 每条消息 4 B
cell-no-length-first = 否：要先知道长度
cell-delimiter = 分隔符 \n
cell-delimiter-overhead = 1 B + 转义
cell-unlimited = 不限
cell-fixed = 定长 32 B
cell-fixed-overhead = 填充到 32 B
verdict-f-table = 这几条消息共 { $payload } 字节：长度前缀发送了 { $prefix } B，{ $n } 条全部保住；分隔符发送了 { $lines } B，把一条切成了两条；{ $record } 字节的记录发送了 { $records } B，截断了一条
note-f-can-stream = 可流式发送：发送方在知道消息多长之前就可以开始发；长度前缀需要先知道长度（文件有长度；实时流则分成一块块带帧报头的数据发送）
note-f-binary-safe = 二进制安全：消息里可以出现任何字节——分隔符不行，而零填充会吃掉末尾的零
