# The tutorial's exercise (【三】练习): the video client. BUGS KEPT, marked
# "BUG:". Each statement on its own line; the port and the folder may be given
# on the command line (the tutorial's are 9696 and client_movie beside this
# file). Corrected: ../fixed/movie_client.py.
#
#   python3 python/tutorial/movie_client.py 9696 client_movie
import os.path
import pickle
import socket
import struct
import sys

DB_DIR = os.path.dirname(os.path.abspath(__file__))
MOVIE_DIR = sys.argv[2] if len(sys.argv) > 2 else os.path.join(DB_DIR, "client_movie")
os.makedirs(MOVIE_DIR, exist_ok=True)
client = socket.socket(socket.AF_INET, socket.SOCK_STREAM, 0)
client.connect(("localhost", int(sys.argv[1]) if len(sys.argv) > 1 else 9696))
movie_pickle = client.recv(1024)                         # BUG: a menu over 1024 B, or cut, is lost
movie_dict = pickle.loads(movie_pickle)                  # BUG: unpickling runs the sender's code
while True:
    print("可以从服务端拿到的资源信息如下:")
    for key, value in movie_dict.items():
        print(f"编号【{key}】 资源信息:{value}")
    choice = input("根据编号进行资源选择(Q/q:退出):>>>").strip()
    if choice.lower() == "q":
        client.send(choice.encode("utf8"))
        break
    elif choice not in [str(i) for i in range(1, len(movie_dict) + 1)]:
        print("输入有误,请重新检查")
        continue
    client.send(choice.encode("utf8"))                   # BUG: nothing marks where it ends
    movie_name = movie_dict.get(int(choice))             # BUG: a name like ../../x escapes the folder
    head_pack = client.recv(4)                           # BUG: may return 1 to 3 bytes
    total = struct.unpack("i", head_pack)[0]             # BUG: native byte order, signed
    have = 0
    movie_data = bytes()
    print(f"正在下载{movie_name}")
    while have < total:
        movie_data += client.recv(1024)                  # BUG: counts 1024 whatever came
        have += 1024
        progress = have / total
        bar_length = 30
        bar = '=' * int(progress * bar_length) + '-' * (bar_length - int(progress * bar_length))
        percentage = progress * 100
        print(f'\r[{bar}] {percentage:.2f}% Complete', end='', flush=True)
    movie_dir = os.path.join(MOVIE_DIR, movie_name)
    with open(movie_dir, "wb") as fp:
        fp.write(movie_data)                             # BUG: never checked: no size, no checksum
    print(f"\n{movie_name} 保存成功")
client.close()
