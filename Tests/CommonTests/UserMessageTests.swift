import Common
import Testing

@Suite struct UserMessageTests {
    struct Sample: UserFacingError {
        var coordinates: String
        var problem: String
    }

    @Test func coordinatesThenProblemOnOneLine() {
        #expect(UserMessage.text(for: Sample(coordinates: "a/study.json: field 'kind'", problem: "must be\none of x"))
                == "a/study.json: field 'kind': must be one of x")
        #expect(UserMessage.text(for: Sample(coordinates: "", problem: "  plain  ")) == "plain")
    }
}
