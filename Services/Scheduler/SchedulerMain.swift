@main
struct SchedulerMain {
    static func main() { print("not yet built") }
}
