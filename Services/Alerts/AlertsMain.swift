@main
struct AlertsMain {
    static func main() { print("not yet built") }
}
