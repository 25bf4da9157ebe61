//! The allocator: mimalloc, called the way Rust's allocations need it.
//!
//! Contract: an allocation aligned to at most 8 bytes (strings, vectors of words and
//! pointers: nearly all of them) goes to `mi_malloc`, `mi_zalloc` and `mi_realloc`, whose
//! blocks are always 8-byte aligned; a larger alignment goes to their `_aligned` forms.
//! The `_aligned` forms for every allocation, as a generic wrapper calls them, cost more on
//! the common path and send blocks above mimalloc's small size to its slower
//! over-allocating path.

use libmimalloc_sys as mi;
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// The alignment every mimalloc block has (a machine word).
const WORD: usize = 8;

pub struct MiMalloc;

// SAFETY: mimalloc returns null or a block of at least the size asked for, aligned as
// asked (plain calls only where every block has that alignment); `mi_free` and
// `mi_realloc` take any block mimalloc returned, whichever call returned it.
unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD {
            mi::mi_malloc(layout.size()).cast()
        } else {
            mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD {
            mi::mi_zalloc(layout.size()).cast()
        } else {
            mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        mi::mi_free(ptr.cast::<c_void>());
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= WORD {
            mi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
        } else {
            mi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blocks of every size class and alignment come back aligned, keep their contents
    /// when grown or shrunk, and are zeroed when asked.
    #[test]
    fn blocks_are_aligned_and_keep_their_contents() {
        let a = MiMalloc;
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [1, 3, 8, 15, 16, 24, 100, 1000, 1 << 12, 1 << 16, 1 << 20] {
                let layout = Layout::from_size_align(size, align).expect("a valid layout");
                // SAFETY: the layouts have a non-zero size; each block is used within its
                // size and freed once, with the allocator that returned it.
                unsafe {
                    let p = a.alloc(layout);
                    assert!(!p.is_null() && (p as usize).is_multiple_of(align), "size {size} align {align}");
                    p.write_bytes(0xAB, size);
                    let q = a.realloc(p, layout, size * 3);
                    assert!(!q.is_null() && (q as usize).is_multiple_of(align), "grown: size {size} align {align}");
                    assert!((0..size).all(|i| *q.add(i) == 0xAB));
                    let r = a.realloc(q, Layout::from_size_align(size * 3, align).expect("valid"), size);
                    assert!(!r.is_null() && (r as usize).is_multiple_of(align), "shrunk: size {size} align {align}");
                    assert!((0..size).all(|i| *r.add(i) == 0xAB));
                    a.dealloc(r, layout);
                    let z = a.alloc_zeroed(layout);
                    assert!(!z.is_null() && (z as usize).is_multiple_of(align));
                    assert!((0..size).all(|i| *z.add(i) == 0));
                    a.dealloc(z, layout);
                }
            }
        }
    }
}
