/// Who a calendar file is for, which decides what its events' descriptions say.
public enum CalendarAudience: Sendable {
    /// The team (`plan.ics`): each evening's status in words and its mairie's contact.
    case team
    /// Partners outside the team (`plan-public.ics`): when and where only, without e-mail
    /// addresses, status words or the planner's notes.
    case partners
}
