import Dispatch

/// Lets a non-Sendable closure run on Dispatch's workers. Safe here because
/// `parallelFor` waits for every iteration before returning and each chunk
/// writes a disjoint range.
private struct UncheckedSendable<T>: @unchecked Sendable { let value: T }

/// Splits `0..<count` into contiguous chunks run on up to `threads` threads.
/// Used by the non-BLAS kernels; BLAS has its own pool.
func parallelFor(_ count: Int, threads: Int, minChunk: Int = 1, _ body: (Range<Int>) -> Void) {
    let chunks = min(threads, max(1, count / max(minChunk, 1)))
    if chunks <= 1 || count <= 1 {
        if count > 0 { body(0..<count) }
        return
    }
    withoutActuallyEscaping(body) { escaping in
        let box = UncheckedSendable(value: escaping)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lo = count * c / chunks
            let hi = count * (c + 1) / chunks
            if lo < hi { box.value(lo..<hi) }
        }
    }
}
