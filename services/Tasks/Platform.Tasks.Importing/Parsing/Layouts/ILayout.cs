namespace Platform.Tasks.Importing.Parsing;

/// <summary>
/// One way a list is laid out. At a block where a layout starts (<see cref="StartsAt"/>: a table's header) the layouts
/// open before end and that one starts; any other block is offered to each layout's <see cref="Read"/> in turn, and the
/// first that takes it reads it. Adding a layout means adding one of these and its fixture.
/// </summary>
internal interface ILayout
{
    /// <summary>Whether this layout starts at the block (a table's header).</summary>
    bool StartsAt(int index);

    /// <summary>Starts this layout at the block: the index of the last block the start took.</summary>
    int Start(int index);

    /// <summary>Reads the block when it belongs to this layout.</summary>
    bool Read(int index);

    /// <summary>Another layout starts, or the document ends: finishes what is open.</summary>
    void End();
}
