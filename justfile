# Sticky Packet Lab — `just` is optional sugar: every recipe is one cargo command.

# List the recipes.
default:
    @just --list

# The whole tour, every demo in lesson order.
demo:
    cargo demo

# 粘包: two sends, one recv.
demo-sticky:
    cargo demo sticky

# 半包: one send, several recvs.
demo-half:
    cargo demo half

# The test suite.
test:
    cargo test

# Everything CI checks: tests, formatting, lints, Windows and macOS builds.
ci:
    bash .ci/run
