namespace Platform.Messaging;

/// <summary>
/// Adds integration events to the current DbContext; they leave with its next SaveChanges or not at all.
/// </summary>
public interface IOutbox
{
    void Enqueue<TMessage>(TMessage message)
        where TMessage : class;
}
