fn main() {
    yew::Renderer::<eligo::app::App>::new().render();
}
