# The kit's sentences in English: the shared renderer, errors, the command
# line. Each message is one line: the renderer wraps it to the terminal.
# Placeholders ({ $name }) must be the same in every language (tests check).

cli-lang-help = The language to speak: en (English) or zh (中文). Without it, LC_ALL, LC_MESSAGES or LANG decides (zh_* means Chinese)
