# 练习程序的中文句子：客户端的菜单、进度与下载结果、错误与提示，
# 服务器的启动行与日志行，transfer 演示的报告，以及两个程序的 --help。
# 每条消息写在一行里，由渲染器按终端宽度换行。
# 占位符（{ $name }）在每种语言里都必须相同（有测试检查）。
# 通过网络发给对方的文字（拒绝帧）保持英文。

## 客户端的菜单
menu-empty = 服务器没有提供任何文件（它的文件夹是空的）
menu-refused = （拒绝：{ $why }）
menu-header = 服务器上的文件：
menu-prompt = 输入编号下载（Q/q 退出）：
menu-bye = 再见
menu-not-a-choice = { $choice } 不是列表里的编号；请输入 1 到 { $last }，或输入 q 退出
menu-reconnected = （你选择期间服务器关闭了连接——它会关闭空闲的连接；已重新连接到 { $server }）
progress-eta = 剩余

## 下载
download-saved = 已保存 { $path }{ $replaced }——{ $summary }，CRC-32 { $crc } 校验通过
download-replacing = （替换了原有的同名文件）
client-no-number = 没有编号为 { $number } 的文件：列表里共有 { $count } 个（见 --list）
client-no-name = 服务器没有名为 { $name } 的文件（见 --list）
client-not-listed = 服务器的列表里（已经）没有 { $name }；请从它的列表里选一个文件
client-body-mismatch = 报头说有 { $promised } 字节，正文的长度却是 { $announced }；拒收正文
offer-wrong-name = 请求的是 { $name }，服务器却回应了 { $offered }；不会用这个名字保存任何东西
offer-wrong-size = 列表说 { $name } 有 { $listed } 字节，服务器现在却提供 { $offered } 字节；拒收（如果服务器上的文件变了，请重新运行客户端获取新列表）
offer-wrong-range = 请求的是 { $name } 从第 { $offset } 字节起的内容，服务器却提供从第 { $from } 字节起的 { $len } 字节（共 { $size } 字节）
client-out-missing = --out { $dir } 不是一个已存在的文件夹

## 出错时客户端正在做的事
doing-server-address = 读取服务器地址
doing-socket-options = 设置套接字选项
doing-opening = 打开 { $path }
doing-reading = 读取 { $path }
doing-sending-request = 发送请求
doing-sending-quit = 发送退出消息
doing-waiting = 等待{ $what }
doing-sending-catalogue = 发送文件列表
doing-reading-request = 读取请求
doing-sending-refusal = 发送拒绝帧
doing-sending-file = { $name }：{ $what }
doing-file-size = 读取它的大小
doing-file-seek = 定位到偏移量
doing-file-offer = 发送 offer
doing-file-length = 发送文件内容的长度
doing-file-checksum-read = 为计算校验和读取它
doing-file-body = 发送文件内容
doing-file-checksum = 发送校验和
doing-terminal-write = 写终端
doing-terminal-read = 读取你的选择
doing-demo-server-folder = 为服务端建文件夹
doing-demo-client-folder = 为客户端建文件夹
doing-demo-making = 生成 { $name }
doing-demo-comparing = 比较 { $name }
wait-catalogue = 文件列表
wait-header = 文件的报头
wait-checksum = 校验和
wire-bad-frame = { $error }（在{ $doing }时）
wire-not-json = { $what }不是预期的 JSON：{ $error }

## 错误
error-refused = 服务器拒绝了：{ $message }
error-protocol = 协议错误：{ $message }
error-unsafe-name = 拒绝使用文件名 { $name }：{ $why }
error-exists = { $target } 已存在，所以没有下载：加上 --overwrite 覆盖它，或用 --out 保存到别的文件夹
interrupted-closed = { $name } 收到 { $have }/{ $size } 字节时，连接断开了
interrupted-silent = { $name } 收到 { $have }/{ $size } 字节时，服务器已有 { $secs } s 没有发来任何数据（--timeout）
interrupted-network = { $name } 收到 { $have }/{ $size } 字节时，接收失败（{ $error }）
interrupted-disk = { $name } 收到 { $have }/{ $size } 字节时，写入 { $part } 失败（{ $error }）
interrupted-free-space = 先腾出那块磁盘的空间，再
interrupted-fix = 先解决这个问题，再
interrupted-same-command = 加上 --resume 的同一条命令
interrupted-kept = ；{ $part } 已保留——{ $first }运行 { $command } 即可断点续传
error-part-too-long = { $part } 有 { $have } 字节，而服务器上的文件只有 { $size } 字节，所以它不是这个文件的开头（文件变了，或者这个 .part 属于别的文件）；请删除 { $part }，不加 --resume 重新下载
error-corrupt = 校验和不一致：服务器说 CRC-32 是 { $expected }，收到的文件却是 { $got }；{ $part } 已保留、未改名：请删除它，不加 --resume 重新下载
error-rename-failed = 文件已完整收到，CRC-32 也一致，但把 { $part } 改名为 { $target } 失败了（{ $source }）；校验过的文件就是 { $part }：请自己改名

## 文件名为什么不能用
name-empty = 它是空的
name-too-long = 它超过 250 字节，NAME.part 会超出大多数文件系统 255 字节的上限
name-separator = 它含有路径分隔符，可能指向别的文件夹
name-dot = 它以点开头：是隐藏文件，或者（. 和 ..）是文件夹本身或上一级文件夹
name-colon = 它含有 ':'，在 Windows 上表示盘符或数据流名
name-control = 它含有控制字符，终端会执行它们而不是显示它们
name-bidi = 它含有看不见的双向文字控制符，会让它显示成另一个名字
name-device = 它是 Windows 上的设备名（CON、PRN、AUX、NUL、COM1-9、LPT1-9）
name-not-utf8 = 它的名字不是 UTF-8，JSON 字符串无法表示

## 服务器的启动行与日志行
server-cannot-share = 无法共享 { $dir }：{ $error }（--dir 要给一个已存在的文件夹）
server-not-positive = { $flag } 必须大于 0 秒
server-listing = 列出 { $dir } 的文件
server-not-offering = { $me }：不提供 { $name }：{ $why }
server-not-offering-more = { $me }：还有 { $count } 个文件因为同样的原因不提供
server-sharing = { $me }：共享 { $dir } 中的 { $files } 个文件；正在 { $addr } 监听——现在启动 transfer-client --connect { $client }{ $note }
log-connected = { $peer }：已连接
log-quit = 已退出
log-closed = 关闭了连接
log-dropped = 被断开：{ $why }
log-end = { $peer }：{ $how }；{ $secs } s 内共发送 { $bytes }
log-sent = { $peer }：已发送 { $name }（从第 { $offset } 字节起）：{ $summary }
log-refused = { $peer }：拒绝：{ $why }
log-turned-away = { $peer }：未受理：{ $why }
accept-failed = accept 失败：{ $error }；每 { $secs } s 重试一次，直到恢复（文件描述符用完了？见 ulimit -n）
accept-burst = 最近 { $secs } s 内 accept 失败了 { $count } 次（{ $error }）
accept-still = { $summary }；仍在重试
accept-again = { $summary }；已恢复 accept

## transfer 演示的报告
demo-label = 服务器共享一个文件夹；客户端列出其中的文件并下载两个
demo-verified = 已下载 { $files } 个文件；每个文件的 CRC-32 都一致，且与源文件完全相同
demo-corrupt = { $files } 个文件中只有 { $whole } 个与源文件完全相同
demo-note-streamed = 每个文件的正文都在 8 字节长度之后从磁盘流向磁盘，从未整个放进内存
demo-note-renamed = 只有在 CRC-32 一致之后，文件才以它的名字出现

## 程序的 --help 与一行错误信息
error-prefix = 错误：
transfer-client-about = 从 transfer-server 下载文件到 --out。不加 --list 或 --get 时显示编号菜单：输入编号下载，输入 q 退出
transfer-client-arg-connect = 服务器的地址，例如 192.168.1.20:9696（即服务器打印的地址，把 0.0.0.0 换成服务器那台电脑的 IP）
transfer-client-arg-retry_secs = 在这么多秒内不断尝试连接服务器，所以两边谁先启动都可以
transfer-client-arg-timeout = 服务器这么多秒没有发来任何数据就放弃（任何一次读取都算：文件列表、文件的报头、正文的中途）
transfer-client-arg-out = 保存下载文件的文件夹
transfer-client-arg-list = 打印服务器上的文件后退出
transfer-client-arg-get = 下载一个文件，用它在列表里的编号或它的名字
transfer-client-arg-resume = 从中断的下载留下的 NAME.part 接着下载（断点续传）
transfer-client-arg-overwrite = 覆盖 --out 里的同名文件（不加它时，这样的下载在开始前就会被拒绝）
transfer-server-about = 共享 --dir 里直接存放的文件：每个客户端连上就收到文件列表，下载自己选的文件，用 CRC-32 校验
transfer-server-arg-dir = 提供其中文件的文件夹（每个客户端连接时都重新读取）
transfer-server-arg-listen = 监听的地址：127.0.0.1:9696 只接受本机，0.0.0.0:9696 接受其他电脑上的客户端
transfer-server-arg-max_clients = 同时服务的客户端数；再多一个就会被告知 "server busy"
transfer-server-arg-max_per_address = 同一 IP 地址同时可用的连接数，免得一台电脑占满所有位置；再多一个就会被告知 "server busy"
transfer-server-arg-idle_timeout = 客户端这么多秒不发任何数据就断开它（停在菜单上的客户端需要时会重新连接）
transfer-server-arg-request_timeout = 一个请求必须在它的第一个字节到达后这么多秒内完整到达，不管它多么稳定地一点点传来

# 拒绝的理由：{"error": …} 帧里总是英文（协议的语言），服务端日志里用服务端自己的语言。
refusal-folder = 服务器现在读不了它的文件夹（{ $error }）；请稍后再试
refusal-idle-between = 两次请求之间 { $secs } s 内什么也没收到（--idle-timeout）
refusal-idle-within = 一个请求收到一半后 { $secs } s 内什么也没收到（--idle-timeout）
refusal-late = 请求必须在它的第一个字节到达后 { $secs } s 内完整到达（--request-timeout），这个请求没有
refusal-bad-frame = 帧有误：{ $error }
malformed-not-json = 请求格式有误：不是 JSON（{ $error }）；应为 { $get } 或 { $quit }
malformed-not-object = 请求格式有误：不是一个 JSON 对象；应为 { $get } 或 { $quit }
malformed-fields = 请求格式有误：{ $error }；应为 { $get } 或 { $quit }
malformed-quit-false = 请求格式有误："quit" 必须是 true；应为 { $get } 或 { $quit }
malformed-neither = 请求格式有误：既没有 "get" 也没有 "quit"；应为 { $get } 或 { $quit }
refusal-not-plain = { $name } 不是一个普通的文件名：{ $why }
refusal-unknown = 没有名为 { $name } 的文件（请从列表里选一个）
refusal-cannot-open = 服务器现在打不开 { $name }（{ $error }）；请稍后再试
refusal-past-end = 偏移量 { $offset } 超出了 { $name } 的末尾（{ $size } 字节）
refusal-no-thread = 服务器忙：无法再为一个客户端启动线程（{ $error }），请稍后再试
refusal-full = 服务器忙：已经在为 { $max } 个客户端服务（--max-clients），请稍后再试
refusal-address = 服务器忙：{ $ip } 已有 { $max } 个连接，这是一个地址最多能有的连接数（--max-per-address { $max }）；请关掉其中一个再试
refusal-verbatim = { $text }
