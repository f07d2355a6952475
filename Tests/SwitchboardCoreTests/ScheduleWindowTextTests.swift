import Testing

@testable import SwitchboardCore

/// Calling windows typed as text: days, ranges (wrapping past Sunday), `+` lists, times,
/// `none`; errors that name the piece; the normalized text shown back.
@Suite struct ScheduleWindowTextTests {
    @Test func rangesListsAndWrapsAreRead() throws {
        let windows = try ScheduleWindow.parseList("mon-fri 09:00-17:00, SAT+sun 10:00-14:00,fri-mon 22:00-02:00")
        #expect(
            windows == [
                ScheduleWindow(days: ["mon", "tue", "wed", "thu", "fri"], start: "09:00", end: "17:00"),
                ScheduleWindow(days: ["sat", "sun"], start: "10:00", end: "14:00"),
                ScheduleWindow(days: ["mon", "fri", "sat", "sun"], start: "22:00", end: "02:00"),
            ])
        #expect(try ScheduleWindow.parseList(" none ") == [])
        #expect(
            try ScheduleWindow.parseList("wed 00:00-23:59") == [
                ScheduleWindow(days: ["wed"], start: "00:00", end: "23:59")
            ])
    }

    @Test func theTextShownBackIsNormalized() throws {
        #expect(
            ScheduleWindow.text(try ScheduleWindow.parseList("mon+tue+wed+thu+fri 09:00-17:00, sun+sat 10:00-14:00"))
                == "mon-fri 09:00-17:00, sat+sun 10:00-14:00")
        #expect(
            ScheduleWindow(days: ["mon", "wed", "thu", "fri", "sun"], start: "08:00", end: "09:30").text
                == "mon+wed-fri+sun 08:00-09:30")
        #expect(ScheduleWindow.text([]) == "none")
    }

    @Test func errorsNameThePieceAndWhatIsWrong() {
        func problem(_ text: String) -> String? {
            do {
                _ = try ScheduleWindow.parseList(text)
                return nil
            } catch {
                return error.description
            }
        }
        #expect(problem("") == "write windows as DAYS HH:MM-HH:MM, comma between them (or none for no calls)")
        #expect(
            problem("mon-fri 09:00-17:00,")
                == "write windows as DAYS HH:MM-HH:MM, comma between them (or none for no calls)")
        #expect(problem("mon-fri") == "\"mon-fri\": expected DAYS HH:MM-HH:MM, e.g. mon-fri 09:00-17:00")
        #expect(
            problem("mon-fri 09:00-17:00, funday 10:00-11:00")
                == "\"funday 10:00-11:00\": \"funday\" is not a day or a range of days (mon … sun)")
        #expect(
            problem("mon 24:00-25:00") == "\"mon 24:00-25:00\": \"24:00\" is not a time of day (HH:MM, 00:00 to 23:59)")
        #expect(problem("mon 9-17") == "\"mon 9-17\": \"9\" is not a time of day (HH:MM, 00:00 to 23:59)")
        #expect(problem("mon 09:00") == "\"mon 09:00\": the times are HH:MM-HH:MM, e.g. 09:00-17:00")
        #expect(problem("mon 09:00-09:00") == "\"mon 09:00-09:00\": the window starts and ends at 09:00")
        #expect(problem("mon+ 09:00-10:00") == "\"mon+ 09:00-10:00\": \"\" is not a day or a range of days (mon … sun)")
    }
}
