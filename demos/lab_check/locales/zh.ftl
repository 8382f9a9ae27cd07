# lab-check 的中文句子：报告（每个用例一行、出了什么问题、第一处不同、
# 像哪个坑以及怎么改、结果）和 --help。
# 每条消息写在一行里，由渲染器按终端宽度换行。
# 占位符（{ $name }）在每种语言里都必须相同（有测试检查）。

## 报告的开头
how-receiver = 每个用例：lab-check 在 127.0.0.1 上监听，把端口号交给你的程序并启动它，按用例规定的切法把消息作为帧（4 字节大端序长度，然后是内容）发过去，再关闭连接；你的程序把每条消息打印成一行十六进制，并以退出码 0 结束。
how-sender = 每个用例：你的程序从 stdin 每行读一条十六进制消息，连接到该端口，把每条消息作为帧（4 字节大端序长度，然后是内容）发出，再关闭连接；lab-check 在切片器后面接收，你的程序以退出码 0 结束。
how-deadline = 每个用例最多 { $secs } s。

## 一个用例
case-pass = 通过
case-fail = 失败
case-summary = { $count } 条消息，共 { $bytes } B：{ $cutting }
label-difference = 第一处不同：
label-looks-like = 看起来像：
label-fix = 改法：
label-stderr = stderr：
dump-expected = 应为
dump-got = 实际
dump-nothing-more = （后面什么也没有）
dump-nothing = （什么也没有）
dump-empty-message = （一条空消息）
place = { $place }字节流的第 { $offset } 字节{ $carried }
carried-piece = ，在第 { $index } 块里写出（字节流 { $start }..{ $end }）
carried-recv = ，由 lab-check 的 recv #{ $index } 读到（字节流 { $start }..{ $end }）

## 结果
result = 结果：{ $verdict }
verdict-passed = { $total } 个用例中通过了 { $passed } 个
verdict-looks-like = ；看起来像：{ $titles }
titles-separator = ；

## 字节流是怎么切的
cut-whole = 整个字节流一次写出
cut-pieces = 切成 { $size } 的块，{ $apart }{ $seed }
cut-apart = 间隔 { $micros } µs
cut-seed = ，种子 { $seed }
cut-header-split = 每个报头都在它的 { $header } 字节中的第 { $after } 字节后切开，{ $apart }
cut-straight = 直接发给 lab-check，不经过切片器
cut-through = 经过切片器：{ $cutting }

## 接收方用例里出了什么问题
ending-still-running = 过了 { $secs } s 仍在运行，被停止了
ending-code = 以退出码 { $code } 结束
ending-signal = 被信号终止
sent-stopped-reading = 你的程序不再读取
sent-closed = 你的程序关闭了连接
sent-stopped = （在字节流的 { $bytes } 字节之后，{ $why }）
problem-never-connected = 你的程序一直没有连接到 127.0.0.1:{ $port }；它{ $ending }
problem-too-many-lines = 你的程序为 { $total } 条消息打印了 { $lines } 行{ $stopped }；它{ $ending }
problem-message = 第 { $number } 条消息（共 { $total } 条；{ $name }，{ $bytes } B）
problem-never-came = { $what }一直没有输出：你的程序只打印了 { $lines } 行{ $stopped }；它{ $ending }
problem-not-hex = 第 { $number } 行不是十六进制{ $stopped }；你的程序{ $ending }
problem-wrong = { $what }输出错了：你的这一行有 { $bytes } B{ $stopped }；你的程序{ $ending }
problem-all-right = 每条消息都输出正确{ $stopped }，但你的程序{ $ending }
place-no-line = 第 { $number } 条消息（{ $name }）没有对应的行，它的帧开始于
place-byte = 第 { $number } 条消息（{ $name }）的第 { $at } 字节，即
place-past-end = 你的这一行越过了第 { $number } 条消息（{ $name }）的最后一个字节，进入了

## 发送方用例里出了什么问题
sender-cut = （lab-check 停止了读取：{ $why }）
sender-cut-deadline = 时限已到
sender-cut-too-many = 收到的字节比预期的多
sender-cut-reset = 连接被重置
sender-all-right = 每个字节都正确到达，但你的程序{ $ending }
sender-partial = { $total } 字节中到达了 { $got } 字节{ $cut }，{ $messages } 条消息中只有前 { $whole } 条能完整解码；你的程序{ $ending }
place-after-end = 最后一帧结束之后：多来了字节，位于
place-header-byte = 第 { $number } 条消息（{ $name }）报头的第 { $at } 字节，即

## 常见的坑
pitfall-counting = 按要求的字节数计数，而不是按实际收到的
pitfall-half-header = 半个报头
pitfall-native-byte-order = 本机字节序
pitfall-short-write = 没写完的 send
pitfall-empty-message = 空消息
pitfall-end-of-stream = 字节流的结尾
pitfall-hex-text = 发送了十六进制文本而不是字节
fix-counting = 按 len(chunk) 计数，并且只向 recv 要还缺的字节（docs/pitfalls.md，(a)）
fix-half-header = 读报头要和读正文一样：循环直到 4 个字节都收齐（docs/pitfalls.md，(b)）
fix-native-byte-order = 用 "!I" 打包和解包长度：网络字节序，无符号（docs/pitfalls.md，(d)）
fix-short-write = 用 sendall 发送，它会循环到每个字节都被接收（docs/pitfalls.md，(c)）
fix-empty-message = 消息可以是空的：只有在两条消息之间 recv 返回 b"" 才表示结束
fix-end-of-stream = 在本该是报头开头的地方 recv 返回 b""，说明发送方发完了：停下来，并以退出码 0 结束
fix-hex-text = 发送 bytes.fromhex(line.strip())，并加上帧

## 为什么这次失败像某个坑
says-end-still-running = 到时限仍在运行
says-end-error = 随后出错结束
says-end-of-stream = 每条消息都输出正确，但在最后一条之后程序{ $how }：lab-check 关闭了连接，recv 返回了 b""
says-empty-stopped = 你的程序停在第 { $number } 条消息，以退出码 0 结束，而这条消息是空的：它的报头是 00 00 00 00，没有正文，但字节流还没完
says-cut-in-header = 第 { $number } 条消息的报头在第 { $at } 字节处被切开
says-no-further = 你的程序没能越过第 { $number } 条消息
says-python-unpack = ，Python 报错 struct.error: unpack requires a buffer of 4 bytes
says-printed-nothing = ，你的程序之后什么也没打印
says-half-header = { $cut }{ $python }：recv(4) 返回了不到 4 个字节
says-stopped-early = 第 { $number } 条消息有 { $size } 字节，而你的这一行在 { $got } 字节后就结束了：前 { $got } 字节是对的——循环过早停止了计数
says-went-on = 第 { $number } 条消息有 { $size } 字节，而你的这一行多出了 { $more } 字节：那是下一帧的字节，连报头一起——recv 要的比缺的多
says-little-exact = 而你的第 { $number } 行正好是这 { $little } 字节
says-little-stops = 比字节流里剩下的 { $left } 字节还多，你的程序也就停在这里
says-native = 第 { $number } 条消息的报头是 { $header }（按网络字节序是 { $size }）；按小端序读则是 { $little }，{ $seen }
says-reversed = 第 { $number } 条消息有 { $size } 字节：它的报头应该是 { $header }，你发的却是 { $sent }，同样的字节倒了过来——这是你机器的字节序，不是网络字节序
says-empty-skipped = 第 { $number } 条消息是空的，而它的报头 00 00 00 00 一直没来：下一条消息的报头占了它的位置
says-hex-text = 第 { $number } 条消息到达时是一个 { $frame } 字节的帧，内容是 { $text }：这是从 stdin 读到的那一行文本，而不是它所表示的 { $size } 个字节
says-gap = 第 { $number } 条消息的帧在它的 { $size } 字节中的 { $sent } 字节后就断了，紧接着是下一帧的报头：字节流的 { $from }..{ $to } 字节从未发出——send() 只接收了一部分字节
says-ends-early = 字节流在第 { $number } 条消息的 { $size } 字节帧中的第 { $sent } 字节处就结束了，而你的程序却以退出码 0 结束，好像全发完了：send() 只接收了一部分字节

## 命令行
error-prefix = 错误：
see-help = { $message }（见 --help）
no-case = 没有名为 '{ $name }' 的用例；用例有：{ $cases }
no-program = 没有要检查的程序：把它的命令行写在 -- 之后，例如 lab-check receiver -- python3 my_receiver.py {"{"}port{"}"}
cannot-start = 无法启动要检查的程序：{ $error }
lab-failed = { $doing } 失败：{ $error }
lab-check-about = 检查你的程序是否给消息加了帧：让你的接收方（或发送方）经过切片器与实验室的分帧对端通信，字节流按多种方式切开，并对每个用例说明是否每条消息都完整传到。全部用例通过时退出码为 0，有失败时为 1，命令行无法执行时为 2
lab-check-arg-role = 你的程序是什么：`receiver`（lab-check 发送）或 `sender`（lab-check 接收）
lab-check-arg-command = 你的程序的命令行，写在 `--` 之后；其中的 `{"{"}port{"}"}` 会换成要连接的端口（没有 `{"{"}port{"}"}` 时，端口加在最后）
lab-check-arg-timeout = 一个用例中你的程序运行超过这么多秒就停止它，并判为失败
lab-check-arg-cases = 只运行这个用例（可重复）；名字写错时会列出所有用例
lab-check-arg-json = 在 stdout 上以一个 JSON 文档打印结果（供老师给全班评分）
lab-check-arg-color = 给报告上色：`auto` 在终端上上色，除非设置了 `NO_COLOR`
lab-check-after-help-examples = 示例：
lab-check-after-help = {"{"}port{"}"} 会换成你的程序要连接的 127.0.0.1 端口。接收方把每条消息打印成一行十六进制（Python：print(data.hex())）；发送方从 stdin 每行读一条十六进制消息（Python：bytes.fromhex(line.strip())）。见 docs/lab_check.md。
pitfall-named = { $title }——{ $says }
