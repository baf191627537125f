package xiaoer.engine.bot;

import xiaoer.engine.chat.Visitor;

import java.util.List;
import java.util.Optional;

/** Answers the scripts that need the shopper's own records (where is my parcel, can I return it). */
public interface RecordAnswers {

    /**
     * @param shopperTexts the shopper's messages of this conversation including the new one, oldest first: an order
     *                     number or phone tail given once is remembered for the conversation
     * @return empty when the script needs no records
     */
    Optional<RecordReply> answer(String scriptId, Visitor visitor, String conversationId, List<String> shopperTexts);

    /** Whether a message gives what a waiting record question asked for (an order number or a phone tail). */
    boolean fillsSlot(String text);

    /** Whether the shopper bought from the shop (picks the farewell). */
    boolean hasBought(Visitor visitor);

    /** Opens a complaint ticket for a conversation handed to a person; returns its number or null. */
    String openComplaint(Visitor visitor, String conversationId, String text);

    RecordAnswers NONE = new RecordAnswers() {
        @Override
        public Optional<RecordReply> answer(String scriptId, Visitor v, String c, List<String> texts) {
            return Optional.empty();
        }

        @Override
        public boolean fillsSlot(String text) {
            return false;
        }

        @Override
        public boolean hasBought(Visitor visitor) {
            return false;
        }

        @Override
        public String openComplaint(Visitor visitor, String conversationId, String text) {
            return null;
        }
    };
}
