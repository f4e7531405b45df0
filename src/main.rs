fn main() {
    eligo::shell::start();
}
