# The tutorial's exercise (【三】练习): the video server. BUGS KEPT, marked
# "BUG:". Each statement on its own line; the port and the folder may be given
# on the command line (the tutorial's are 9696 and server_movie beside this
# file). Corrected: ../fixed/movie_server.py.
#
#   python3 python/tutorial/movie_server.py 9696 server_movie
import os
import pickle
import socket
import struct
import sys

BASE_DIR = os.path.dirname(os.path.abspath(__file__))
MOVIE_DIR = sys.argv[2] if len(sys.argv) > 2 else os.path.join(BASE_DIR, "server_movie")
os.makedirs(MOVIE_DIR, exist_ok=True)
movie_list = os.listdir(MOVIE_DIR)                       # BUG: folders and hidden files too
movie_dict = {index: data for index, data in enumerate(movie_list, start=1)}
movie_pickle = pickle.dumps(movie_dict)                  # BUG: pickle runs code when loaded
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM, 0)
server.bind(("0.0.0.0", int(sys.argv[1]) if len(sys.argv) > 1 else 9696))
server.listen(5)
server.settimeout(5)
while True:
    try:
        conn, addr = server.accept()
        print(f"{addr}发送链接请求")
        conn.send(movie_pickle)                          # BUG: no length: the client guesses 1024
    except socket.timeout:
        print("长时间没有客户端连接,服务端自动关闭")
        break
    while True:
        res = conn.recv(1024).decode("utf8")             # BUG: one recv is not one message
        if res == "q" or not res:
            print(f"客户端{addr}断开连接")
            conn.close()
            break
        choice_index = int(res)                          # BUG: "12" may come as "1" and "2"
        movie_dir = os.path.join(MOVIE_DIR, f"{movie_dict.get(choice_index)}")
        with open(movie_dir, "rb") as fp:
            movie_data = fp.read()                       # BUG: the whole film in memory
        head = struct.pack("i", len(movie_data))         # BUG: native order; 2 GiB does not fit
        conn.send(head)                                  # BUG: send() may take only part
        conn.send(movie_data)
        print(f"向{addr}发送{movie_dict.get(choice_index)}完成")
    conn.close()
server.close()
