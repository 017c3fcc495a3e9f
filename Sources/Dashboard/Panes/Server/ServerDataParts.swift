/// The parts of the Server pane's poll that degrade on their own when the ACL refuses them
/// (a `+@read` user has neither `INFO`, `SLOWLOG` nor `CLIENT`).
extension DataPart {
    /// `INFO` on every server (the Server pane's numbers).
    public static let serverStats = DataPart(rawValue: "serverStats")
    /// `SLOWLOG GET`.
    public static let slowLog = DataPart(rawValue: "slowLog")
    /// `CLIENT LIST` (who else is here).
    public static let clientList = DataPart(rawValue: "clientList")
}
