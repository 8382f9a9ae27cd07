//! Decoding throughput: our sans-IO `Decoder` against tokio-util's
//! `LengthDelimitedCodec` on the same bytes, in the same run.
//!
//! Each side starts from the same in-memory buffer of frames and must copy
//! it once into its own buffer (`push` here, `BytesMut::from` there), then
//! hand out every frame. Frames of 16 B (chatty protocols), 1 KiB and
//! 64 KiB (bulk data); about 4 MiB of frames per size.
//!
//! `cargo bench -p codec` prints both throughputs per size; the ratio is
//! ours divided by tokio-util's.

use bytes::BytesMut;
use codec::decoder::Decoder;
use codec::frame;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use tokio_util::codec::{Decoder as _, LengthDelimitedCodec};

const STREAM: usize = 4 << 20;

fn stream_of(size: usize) -> Vec<u8> {
    let payload: Vec<u8> = (0..size).map(|i| i as u8).collect();
    let frame = frame::encode(&payload);
    frame.repeat(STREAM / frame.len())
}

fn decode(c: &mut Criterion) {
    let mut group = c.benchmark_group("decode");
    for size in [16usize, 1024, 64 * 1024] {
        let stream = stream_of(size);
        let frames = stream.len() / (size + frame::HEADER_LEN);
        group.throughput(Throughput::Bytes(stream.len() as u64));

        group.bench_with_input(
            BenchmarkId::new("fixed::Decoder", size),
            &stream,
            |b, stream| {
                b.iter(|| {
                    let mut decoder = Decoder::with_max_frame_len(1 << 20);
                    decoder.push(black_box(stream));
                    let mut n = 0;
                    while let Some(frame) = decoder.next_frame().expect("valid frames") {
                        black_box(frame);
                        n += 1;
                    }
                    assert_eq!(n, frames);
                });
            },
        );

        group.bench_with_input(
            BenchmarkId::new("tokio_util::LengthDelimitedCodec", size),
            &stream,
            |b, stream| {
                b.iter(|| {
                    let mut codec = LengthDelimitedCodec::builder()
                        .max_frame_length(1 << 20)
                        .new_codec();
                    let mut bytes = BytesMut::from(black_box(&stream[..]));
                    let mut n = 0;
                    while let Some(frame) = codec.decode(&mut bytes).expect("valid frames") {
                        black_box(frame);
                        n += 1;
                    }
                    assert_eq!(n, frames);
                });
            },
        );
    }
    group.finish();
}

criterion_group!(benches, decode);
criterion_main!(benches);
