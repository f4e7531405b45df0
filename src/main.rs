fn main() {
    // First of all: a panic anywhere later shows an apology with "start again", never a frozen page.
    eligo::panic_screen::install();
    eligo::shell::start();
}
