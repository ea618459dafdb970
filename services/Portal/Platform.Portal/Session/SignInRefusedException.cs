namespace Platform.Portal.Session;

/// <summary>A refused sign-in, in words for the person at the form.</summary>
public class SignInRefusedException(string message) : Exception(message);
