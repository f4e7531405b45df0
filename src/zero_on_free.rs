//! The allocator's wrapper that zeroes every block it frees.
//!
//! The resident's raw texts (an amount typed as `7 531,86`, a date) pass through many short-lived strings:
//! the input event's value, the answer kept in the state, clones for the views, the strings wasm-bindgen
//! copies in from JavaScript. Dropping a string frees its block but leaves its bytes in the wasm memory
//! until the block is reused, so after a kiosk wipe the previous person's amount could still be read there.
//! Zeroing each block as it is freed (and never letting the allocator free a moved block behind our back:
//! growth goes through alloc, copy, dealloc) means that once the wipe drops the state, the components and
//! their strings, none of the typed texts is left in memory (`tests/e2e/specs/kiosk.test.mjs` scans it).

use core::alloc::{GlobalAlloc, Layout};

/// `A`, with every freed block zeroed first.
pub struct ZeroOnFree<A>(pub A);

// SAFETY: every call is passed on to `A` unchanged, after zeroing the `layout.size()` bytes that the caller
// owned at `ptr` (the contract of `dealloc`: `ptr` was allocated with `layout` by this allocator).
unsafe impl<A: GlobalAlloc> GlobalAlloc for ZeroOnFree<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        unsafe { self.0.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        unsafe { self.0.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` holds `layout.size()` bytes the caller gives back (dealloc's contract).
        unsafe {
            core::ptr::write_bytes(ptr, 0, layout.size());
            self.0.dealloc(ptr, layout);
        }
    }

    // `realloc` is the trait's own: alloc, copy, then `self.dealloc` of the old block (zeroed). The inner
    // allocator's in-place growth would free a moved block without zeroing it.
}
