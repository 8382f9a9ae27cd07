# 导览的中文句子：--help 里的课程列表、各选项的说明与错误、--step 的暂停提示，
# 以及选项之后的说明。每条消息写在一行里。
# 占位符（{ $name }）在每种语言里都必须相同（有测试检查）。

## 每个演示展示什么
all-about = 下面的每个演示，按顺序运行。
sticky-about = 粘包：两次 send，一次 recv。
half-about = 半包：一次 send，几次 recv。
nagle-about = Nagle 算法：与延迟确认相撞造成的停顿（Linux 上 40 ms，Windows 上约 200 ms），它唯一会粘包的情形，以及为什么 TCP_NODELAY 不能代替分帧。
udp-about = UDP 保留消息边界（也会截断和丢弃）：TCP 与 UDP 并排对比。
fixed-about = 解决办法：同样的流量加上 4 字节长度报头，每条消息都完整。
pitfalls-about = 教程自己的解决办法，在屏幕上出错，旁边是正确的写法。
transfer-about = 练习：文件服务器与客户端——断点续传、CRC-32、安全的文件名。

## --help
tour-about = 粘包实验室导览：每个演示的发送方和接收方都在这一个进程里通过 127.0.0.1 运行，每次 send 和 recv 都展示出来
tour-arg-demo = 运行哪个演示；`all`（默认）按课程顺序运行全部
tour-arg-list = 按课程顺序每行打印一个演示的名字，不运行任何演示
tour-arg-run = 只显示该演示的第 N 次运行，编号与横幅上的一致（`pitfalls --run 5` 显示“第 5 次运行（共 16 次）”）。需要给出演示的名字：每个演示的运行都从 1 开始编号
tour-arg-step = 每次运行后等待 Enter（输入 q 再按 Enter 结束导览）：一页一次运行，适合投影。只在输出到终端时等待；输出到文件或管道，以及加了 --json 时，从不等待
tour-arg-html = 同时把每次运行的图写到 FILE：一个不依赖任何其他东西（不联网、无脚本）的 HTML 页面，适合投影或打印
tour-arg-json = 在 stdout 上以一个 JSON 文档打印报告（供评分程序和脚本使用），而不是彩色的故事
tour-arg-color = 给故事上色：`auto` 在终端上上色，除非设置了 `NO_COLOR`；`always` 输出到管道时也上色；`never` 只打印纯文本
after-help-width = 故事与终端一样宽（最多 96 列），或按 COLUMNS 设置；用分页器查看时，`{ $invoked } --color always | less -R` 也跟随终端宽度。
after-help-pairs = 要在两个终端或两台电脑上运行，请改用成对的程序：{ $pair }。
after-help-cargo = 例如 `cargo run -p sticky --bin sticky-server` 和 `cargo run -p sticky --bin sticky-client`
after-help-bundle = 例如本程序旁边的 sticky-server 和 sticky-client（START-HERE.txt 里有说明）

## 暂停提示与错误
step-prompt = … 按 Enter 看下一次运行，输入 q 再按 Enter 停止
run-needs-demo = --run 需要给出演示的名字，因为每个演示的运行都从 1 开始编号：例如 { $invoked } pitfalls --run 5
run-zero = 没有第 0 次运行：运行从 1 开始编号
run-not-number = '{ $text }' 不是运行的编号（1、2、…）
run-missing = { $demo } 共有 { $runs } 次运行，所以没有第 { $number } 次：请给 --run 1 到 { $last }
html-unwritable = --html { $path }：无法把页面写到那里（{ $error }）
