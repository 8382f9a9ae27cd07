# 图中的中文文字：泳道名、标签、图注、图例，以及图所在的页面。
# 每条消息写在一行里。占位符（{ $name }）在每种语言里都必须相同（有测试检查）。
# SVG 的结构（class、id）不在这里。

## 泳道与分栏
lane-sender = 发送方
lane-receiver = 接收方
lane-time = 时间
lane-frames = 帧
lane-sent = 已发送
lane-code = 代码
lane-catalogue = 服务器的文件列表
column-tcp = TCP：一条字节流
column-udp = UDP：每次 send 一个数据报

## 标题
heading-run = {" "}· 第 { $number } 次运行（共 { $of } 次）
heading-side-by-side = {" "}· 并排对比
heading-round-trips = {" "}· 往返时间

## 方框与标签
many-inside = … { $count } 次 { $noun } …
many-count = { $count } 次 { $noun }
many-range = { $noun } #{ $first }–#{ $last }
datagram-label = 数据报 #{ $index } · { $bytes } B
lost-inside = ✗ 丢失
lost-never-read = 从未被读到：丢失
lost-short = 丢失
thrown-away = ✂ 丢弃了 { $bytes } B
thrown-rest = ✂ 其余部分被丢弃
frames-none = ✗ 没有还原出任何消息
frames-many = … { $count } 帧{ $mark } …
frame-label = 帧 #{ $index } · { $bytes } B { $mark }

## 图注与图例
caption-segments = { $sends } 次 send 以 { $segments } 个携带数据的报文段发出（TCP_INFO）
caption-datagrams = 发出 { $sent } 个数据报，读到 { $read } 个数据报
flood-order = { $count } 个数据报，按发送顺序排列——每个一格
flood-read = 被 recv 读到：{ $count }
flood-lost = 丢失：{ $count }
timing-axis = 往返时间，对数刻度：每条线是前一条的十倍
timing-legend = 条：往返时间的中位数 · 须：最慢的一次 · ×：是最快的中位数的几倍
transfer-downloaded = {" "}· { $check } 下载用时 { $secs } s，CRC-32 { $crc }{ $same }
transfer-identical = ，完全相同
transfer-differs = ，不相同
transfer-server = 服务器 { $addr }

## 页面
page-pairs = 两图并排（错误的读法与正确的并排）
page-key-1 = 上：发送方的每次 send；下：接收方的每次 recv；色带：字节从哪里来、落到哪里。
page-key-2 = 一种颜色和花纹 = 一条消息；两条色带汇入一个 recv = 粘包；一条消息分到几个 recv = 半包。
page-key-3 = 黑块 = 长度报头；叉 = 丢失或被截断丢弃的字节；时间轴左端的 // = 不从零开始。

## figures 程序
figures-usage = 用法：cargo demo --json | figures DIR
figures-stdin = 从 stdin 读取报告失败：{ $error }
figures-not-report = stdin 上的不是 `cargo demo --json` 打印的报告：{ $error }
figures-mkdir = 无法创建 { $dir }：{ $error }
figures-write = 无法写入 { $path }：{ $error }
figures-wrote = figures：已把 { $count } 张图写到 { $dir }
error-prefix = 错误：
