# The exercise's sentences in English: the client's menu, progress and
# downloads, its errors and hints, the server's start-up and log lines,
# the transfer demo's report, and both programs' --help.
# Each message is one line: the renderer wraps it to the terminal.
# Placeholders ({ $name }) must be the same in every language (tests check).
# What travels on the wire to the other side (refusal frames) stays English.

## The client's menu
menu-empty = the server offers no files (its folder is empty)
menu-refused = (refused: { $why })
menu-header = files on the server:
menu-prompt = number to download (Q/q quits):{" "}
menu-bye = bye
menu-not-a-choice = { $choice } is not a number from the list; type 1 to { $last }, or q to quit
menu-reconnected = (the server had closed the connection while you chose — it closes idle ones; connected to { $server } again)
progress-eta = ETA

## Downloads
download-saved = saved { $path }{ $replaced } — { $summary }, CRC-32 { $crc } verified
download-replacing = {" "}(replacing the file that was there)
client-no-number = there is no file number { $number }: the list has { $count } (see --list)
client-no-name = the server offers no file named { $name } (see --list)
client-not-listed = the server does not list { $name } (any more); pick a file from its list
client-body-mismatch = the offer promised { $promised } bytes, the body announces { $announced }; refusing the body
offer-wrong-name = asked for { $name }, the server answered with { $offered }; nothing is saved under that name
offer-wrong-size = the list said { $name } has { $listed } bytes, the server now offers { $offered }; refusing it (if the file changed on the server, run the client again for a fresh list)
offer-wrong-range = asked for { $name } from byte { $offset }, the server offers { $len } bytes from byte { $from } of { $size }
client-out-missing = --out { $dir } is not an existing folder

## What the client was doing when something failed
doing-server-address = reading the server's address
doing-socket-options = setting the socket's options
doing-opening = opening { $path }
doing-reading = reading { $path }
doing-sending-request = sending the request
doing-sending-quit = sending quit
doing-waiting = waiting for { $what }
doing-sending-catalogue = sending the catalogue
doing-reading-request = reading a request
doing-sending-refusal = sending a refusal
doing-sending-file = sending { $name }: { $what }
doing-file-size = reading its size
doing-file-seek = seeking to the offset
doing-file-offer = the offer
doing-file-length = the body's length
doing-file-checksum-read = reading it for its checksum
doing-file-body = the body
doing-file-checksum = the checksum
doing-terminal-write = writing to the terminal
doing-terminal-read = reading your choice
doing-demo-server-folder = making a folder for the server
doing-demo-client-folder = making a folder for the client
doing-demo-making = making { $name }
doing-demo-comparing = comparing { $name }
wait-catalogue = the catalogue
wait-header = the file's header
wait-checksum = the checksum
wire-bad-frame = { $error } (while { $doing })
wire-not-json = { $what } is not the JSON expected: { $error }

## Errors
error-refused = the server refused: { $message }
error-protocol = protocol error: { $message }
error-unsafe-name = refusing the file name { $name }: { $why }
error-exists = { $target } already exists, so nothing was downloaded: add --overwrite to replace it, or save into another folder with --out
interrupted-closed = the connection ended after { $have } of { $size } bytes of { $name }
interrupted-silent = the server sent nothing for { $secs } s (--timeout) after { $have } of { $size } bytes of { $name }
interrupted-network = receiving failed after { $have } of { $size } bytes of { $name } ({ $error })
interrupted-disk = writing { $part } failed after { $have } of { $size } bytes of { $name } ({ $error })
interrupted-free-space = free some space on that disk, then{" "}
interrupted-fix = fix that, then{" "}
interrupted-same-command = the same command with --resume
interrupted-kept = ; { $part } is kept — { $first }run { $command } to finish it
error-part-too-long = { $part } has { $have } bytes but the file on the server has only { $size }, so it is not the start of this file (the file changed, or the .part is another's); delete { $part } and download again without --resume
error-corrupt = checksum mismatch: the server says CRC-32 { $expected }, the file that arrived has { $got }; { $part } is kept, not renamed: delete it and download again without --resume
error-rename-failed = the file arrived whole and its CRC-32 matches, but renaming { $part } to { $target } failed ({ $source }); the verified file is { $part }: rename it yourself

## Why a file name is not used
name-empty = it is empty
name-too-long = it is longer than 250 bytes, so NAME.part would pass the 255-byte limit of most file systems
name-separator = it contains a path separator, so it could point into another folder
name-dot = it starts with a dot: a hidden file, or (. and ..) the folder itself or its parent
name-colon = it contains ':', a drive letter or stream name on Windows
name-control = it contains control characters, which a terminal obeys instead of showing
name-bidi = it contains invisible bidi controls, which make it show as another name
name-device = it is a device name on Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9)
name-not-utf8 = its name is not UTF-8, which no JSON string can carry

## The server's start-up and log lines
server-cannot-share = cannot share { $dir }: { $error } (give --dir an existing folder)
server-not-positive = { $flag } must be more than 0 seconds
server-listing = listing { $dir }
server-not-offering = { $me }: not offering { $name }: { $why }
server-not-offering-more = { $me }: not offering { $count } more files with such names
server-sharing = { $me }: sharing { $files } files from { $dir }; listening on { $addr } — now start transfer-client --connect { $client }{ $note }
log-connected = { $peer }: connected
log-quit = quit
log-closed = closed the connection
log-dropped = dropped: { $why }
log-end = { $peer }: { $how }; sent { $bytes } in { $secs } s
log-sent = { $peer }: sent { $name } from byte { $offset }: { $summary }
log-refused = { $peer }: refused: { $why }
log-turned-away = { $peer }: turned away: { $why }
accept-failed = accept failed: { $error }; retrying every { $secs } s until it works again (out of file descriptors? see ulimit -n)
accept-burst = accept failed { $count } times in the last { $secs } s ({ $error })
accept-still = { $summary }; still retrying
accept-again = { $summary }; accepting again

## The transfer demo's report
demo-label = a server shares a folder; a client lists it and downloads two files
demo-verified = { $files ->
    [one] { $files } file
   *[other] { $files } files
} downloaded; each CRC-32 matched and each file is identical to the source
demo-corrupt = only { $whole } of { $files ->
    [one] { $files } file
   *[other] { $files } files
} arrived identical to the source
demo-note-streamed = each body streamed from disk to disk after an 8-byte length, never whole in memory
demo-note-renamed = the file appeared under its name only after the CRC-32 matched

## The programs' --help and their one-line errors
error-prefix = error:{" "}
transfer-client-about = Downloads files from a transfer-server into --out. Without --list or --get it shows the numbered menu: type a number to download, q to quit
transfer-client-arg-connect = The server's address, e.g. 192.168.1.20:9696 (what the server printed, with the server computer's IP instead of 0.0.0.0)
transfer-client-arg-retry_secs = Keep trying to reach the server for this many seconds, so either side may be started first
transfer-client-arg-timeout = Give up when the server sends nothing for this many seconds (on any read: the list, a file's header, the middle of a body)
transfer-client-arg-out = The folder downloads are saved in
transfer-client-arg-list = Print the server's files and exit
transfer-client-arg-get = Download one file, by its number in the list or by its name
transfer-client-arg-resume = Continue from NAME.part left by an interrupted download
transfer-client-arg-overwrite = Replace a file of the same name in --out (without it, such a download is refused before it starts)
transfer-server-about = Shares the files directly inside --dir: every client gets the list on connecting and downloads what it picks, checked with CRC-32
transfer-server-arg-dir = The folder whose files are offered (read again for every client)
transfer-server-arg-listen = Address to listen on: 127.0.0.1:9696 for this computer only, 0.0.0.0:9696 to accept clients from other computers
transfer-server-arg-max_clients = Clients served at once; one more is told "server busy"
transfer-server-arg-max_per_address = Connections served at once from one IP address, so that one computer cannot take every slot; one more is told "server busy"
transfer-server-arg-idle_timeout = Drop a client that sends nothing for this many seconds (a client at its menu connects again when it needs to)
transfer-server-arg-request_timeout = A request must arrive whole within this many seconds of its first byte, however steadily it trickles in

# Refusals: why the server will not serve a request or a connection. The
# {"error": …} frame always says them in English (the protocol's language);
# the server's log says them in its own.
refusal-folder = the server cannot read its folder right now ({ $error }); try again in a moment
refusal-idle-between = nothing arrived for { $secs } s between requests (--idle-timeout)
refusal-idle-within = nothing arrived for { $secs } s in the middle of a request (--idle-timeout)
refusal-late = a request must arrive whole within { $secs } s of its first byte (--request-timeout); this one did not
refusal-bad-frame = bad frame: { $error }
malformed-not-json = malformed request: not JSON ({ $error }); expected { $get } or { $quit }
malformed-not-object = malformed request: not a JSON object; expected { $get } or { $quit }
malformed-fields = malformed request: { $error }; expected { $get } or { $quit }
malformed-quit-false = malformed request: "quit" must be true; expected { $get } or { $quit }
malformed-neither = malformed request: neither "get" nor "quit"; expected { $get } or { $quit }
refusal-not-plain = { $name } is not a plain file name: { $why }
refusal-unknown = no file named { $name } (ask for one from the list)
refusal-cannot-open = the server cannot open { $name } right now ({ $error }); try again later
refusal-past-end = offset { $offset } is past the end of { $name } ({ $size } bytes)
refusal-no-thread = server busy: it cannot start a thread for another client ({ $error }), try again in a moment
refusal-full = server busy: it already serves { $max } clients (--max-clients), try again in a moment
refusal-address = server busy: { $ip } already has { $max } connections, the most one address may have (--max-per-address { $max }); close one of them and try again
refusal-verbatim = { $text }
