fn main() {
    shenbao::start();
}
