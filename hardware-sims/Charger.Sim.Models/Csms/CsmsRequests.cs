using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Charger.Sim.Models.Csms
{
    /// <summary>
    /// Builders for the requests a scenario can make the CSMS send, each shaped by its OCPP 2.0.1
    /// schema (Part 3). Arguments are checked here so a typo in a scenario fails at the line that
    /// wrote it, not as a CALLERROR from the station.
    /// </summary>
    public static class CsmsRequests
    {
        /// <summary>OCPP 2.0.1 IdTokenType.idToken maxLength.</summary>
        private const int IdTokenMaxLength = 36;

        /// <summary>Pass as evseId to leave the optional field out.</summary>
        public const int NoEvse = -1;

        public static CsmsRequest RequestStartTransaction(string idToken, string idTokenType, int evseId, int remoteStartId,
            string groupIdToken = null)
        {
            var payload = new JsonObject
            {
                ["idToken"] = IdToken(idToken, idTokenType),
                ["remoteStartId"] = remoteStartId,
            };
            if (evseId != NoEvse)
            {
                payload["evseId"] = Positive(evseId, nameof(evseId));
            }

            if (groupIdToken != null)
            {
                payload["groupIdToken"] = IdToken(groupIdToken, "Central");
            }

            return new CsmsRequest("RequestStartTransaction", payload);
        }

        public static CsmsRequest RequestStopTransaction(string transactionId)
        {
            return new CsmsRequest("RequestStopTransaction",
                new JsonObject { ["transactionId"] = Text(transactionId, 36, nameof(transactionId)) });
        }

        public static CsmsRequest Reset(string type, int evseId = NoEvse)
        {
            var payload = new JsonObject { ["type"] = Enum(type, OcppEnums.ResetType, nameof(type)) };
            if (evseId != NoEvse)
            {
                payload["evseId"] = Positive(evseId, nameof(evseId));
            }

            return new CsmsRequest("Reset", payload);
        }

        public static CsmsRequest SetVariables(IEnumerable<CsmsVariable> variables)
        {
            var data = new JsonArray();
            foreach (CsmsVariable variable in variables)
            {
                JsonObject item = VariableData(variable);
                item["attributeValue"] = Text(variable.Value, 1000, "value of " + variable.Component + "." + variable.Variable);
                data.Add(item);
            }

            return new CsmsRequest("SetVariables", new JsonObject { ["setVariableData"] = NonEmpty(data, nameof(variables)) });
        }

        public static CsmsRequest SetVariable(string component, string variable, string value)
        {
            return SetVariables(new[] { new CsmsVariable(component, variable, value) });
        }

        public static CsmsRequest GetVariables(IEnumerable<CsmsVariable> variables)
        {
            var data = new JsonArray();
            foreach (CsmsVariable variable in variables)
            {
                data.Add(VariableData(variable));
            }

            return new CsmsRequest("GetVariables", new JsonObject { ["getVariableData"] = NonEmpty(data, nameof(variables)) });
        }

        public static CsmsRequest GetVariable(string component, string variable)
        {
            return GetVariables(new[] { new CsmsVariable(component, variable, null) });
        }

        public static CsmsRequest GetBaseReport(int requestId, string reportBase)
        {
            return new CsmsRequest("GetBaseReport", new JsonObject
            {
                ["requestId"] = requestId,
                ["reportBase"] = Enum(reportBase, OcppEnums.ReportBase, nameof(reportBase)),
            });
        }

        public static CsmsRequest SendLocalList(int versionNumber, string updateType, IEnumerable<LocalListEntry> entries)
        {
            var payload = new JsonObject
            {
                ["versionNumber"] = versionNumber,
                ["updateType"] = Enum(updateType, OcppEnums.UpdateType, nameof(updateType)),
            };
            var list = new JsonArray();
            if (entries != null)
            {
                foreach (LocalListEntry entry in entries)
                {
                    var item = new JsonObject { ["idToken"] = IdToken(entry.IdToken, entry.Type) };
                    if (entry.Status != null)
                    {
                        var info = new JsonObject { ["status"] = Enum(entry.Status, OcppEnums.AuthorizationStatus, "status") };
                        if (entry.GroupIdToken != null)
                        {
                            info["groupIdToken"] = IdToken(entry.GroupIdToken, "Central");
                        }

                        item["idTokenInfo"] = info;
                    }

                    list.Add(item);
                }
            }

            // The schema gives localAuthorizationList minItems 1: an empty Full list is sent without it.
            if (list.Count > 0)
            {
                payload["localAuthorizationList"] = list;
            }

            return new CsmsRequest("SendLocalList", payload);
        }

        public static CsmsRequest GetLocalListVersion()
        {
            return new CsmsRequest("GetLocalListVersion", new JsonObject());
        }

        /// <summary>SetNetworkProfile (B09): a JSON OCPP 2.0.1 profile on the first wired interface.</summary>
        public static CsmsRequest SetNetworkProfile(int configurationSlot, string csmsUrl, int securityProfile, int messageTimeoutS = 30)
        {
            var data = new JsonObject
            {
                ["ocppVersion"] = "OCPP20",
                ["ocppTransport"] = "JSON",
                ["ocppCsmsUrl"] = csmsUrl,
                ["messageTimeout"] = messageTimeoutS,
                ["securityProfile"] = securityProfile,
                ["ocppInterface"] = "Wired0",
            };
            return new CsmsRequest("SetNetworkProfile", new JsonObject { ["configurationSlot"] = configurationSlot, ["connectionData"] = data });
        }

        public static CsmsRequest ClearCache()
        {
            return new CsmsRequest("ClearCache", new JsonObject());
        }

        /// <summary>evseId NoEvse: the whole station; connectorId 0 or less: the whole EVSE.</summary>
        public static CsmsRequest ChangeAvailability(string operationalStatus, int evseId = NoEvse, int connectorId = 0)
        {
            var payload = new JsonObject
            {
                ["operationalStatus"] = Enum(operationalStatus, OcppEnums.OperationalStatus, nameof(operationalStatus)),
            };
            if (evseId != NoEvse)
            {
                payload["evse"] = Evse(evseId, connectorId);
            }

            return new CsmsRequest("ChangeAvailability", payload);
        }

        public static CsmsRequest TriggerMessage(string requestedMessage, int evseId = NoEvse, int connectorId = 0)
        {
            var payload = new JsonObject
            {
                ["requestedMessage"] = Enum(requestedMessage, OcppEnums.MessageTrigger, nameof(requestedMessage)),
            };
            if (evseId != NoEvse)
            {
                payload["evse"] = Evse(evseId, connectorId);
            }

            return new CsmsRequest("TriggerMessage", payload);
        }

        public static CsmsRequest UnlockConnector(int evseId, int connectorId)
        {
            return new CsmsRequest("UnlockConnector", new JsonObject
            {
                ["evseId"] = Positive(evseId, nameof(evseId)),
                ["connectorId"] = Positive(connectorId, nameof(connectorId)),
            });
        }

        /// <summary>transactionId null asks about queued messages in general (E14).</summary>
        public static CsmsRequest GetTransactionStatus(string transactionId)
        {
            var payload = new JsonObject();
            if (transactionId != null)
            {
                payload["transactionId"] = Text(transactionId, 36, nameof(transactionId));
            }

            return new CsmsRequest("GetTransactionStatus", payload);
        }

        /// <summary>
        /// SetChargingProfile (K01) with one Absolute schedule starting at <paramref name="startSchedule"/>:
        /// periods as (seconds from the start, limit) in <paramref name="unit"/> ("A" or "W").
        /// </summary>
        public static CsmsRequest SetChargingProfile(int evseId, int profileId, string purpose, int stackLevel, string startSchedule,
            string unit, IEnumerable<(int StartS, double Limit)> periods, string transactionId = null)
        {
            var list = new JsonArray();
            foreach (var (startS, limit) in periods)
            {
                list.Add(new JsonObject { ["startPeriod"] = startS, ["limit"] = Math.Round(limit, 1) });
            }

            var profile = new JsonObject
            {
                ["id"] = profileId,
                ["stackLevel"] = stackLevel,
                ["chargingProfilePurpose"] = Enum(purpose, new[] { "ChargingStationMaxProfile", "TxDefaultProfile", "TxProfile" }, nameof(purpose)),
                ["chargingProfileKind"] = "Absolute",
            };
            if (transactionId != null)
            {
                profile["transactionId"] = Text(transactionId, 36, nameof(transactionId));
            }

            profile["chargingSchedule"] = new JsonArray
            {
                new JsonObject
                {
                    ["id"] = profileId,
                    ["startSchedule"] = startSchedule,
                    ["chargingRateUnit"] = Enum(unit, new[] { "A", "W" }, nameof(unit)),
                    ["chargingSchedulePeriod"] = NonEmpty(list, nameof(periods)),
                },
            };
            return new CsmsRequest("SetChargingProfile", new JsonObject { ["evseId"] = evseId < 0 ? 0 : evseId, ["chargingProfile"] = profile });
        }

        /// <summary>ClearChargingProfile (K10) by id, or every profile when <paramref name="profileId"/> is negative.</summary>
        public static CsmsRequest ClearChargingProfile(int profileId)
        {
            var payload = new JsonObject();
            if (profileId >= 0)
            {
                payload["chargingProfileId"] = profileId;
            }

            return new CsmsRequest("ClearChargingProfile", payload);
        }

        /// <summary>GetCompositeSchedule (K08) for an EVSE over <paramref name="durationS"/> seconds, in A.</summary>
        public static CsmsRequest GetCompositeSchedule(int evseId, int durationS)
        {
            return new CsmsRequest("GetCompositeSchedule", new JsonObject
            {
                ["duration"] = durationS,
                ["chargingRateUnit"] = "A",
                ["evseId"] = evseId,
            });
        }

        /// <summary>GetChargingProfiles (K09) for every profile.</summary>
        public static CsmsRequest GetChargingProfiles(int requestId)
        {
            return new CsmsRequest("GetChargingProfiles", new JsonObject
            {
                ["requestId"] = requestId,
                ["chargingProfile"] = new JsonObject(),
            });
        }

        /// <summary>GetLog (N01); retries and retryInterval left out when negative.</summary>
        public static CsmsRequest GetLog(string logType, int requestId, string remoteLocation, int retries = -1, int retryInterval = -1)
        {
            var payload = new JsonObject
            {
                ["log"] = new JsonObject { ["remoteLocation"] = Text(remoteLocation, 512, nameof(remoteLocation)) },
                ["logType"] = logType,
                ["requestId"] = requestId,
            };
            if (retries >= 0)
            {
                payload["retries"] = retries;
            }

            if (retryInterval >= 0)
            {
                payload["retryInterval"] = retryInterval;
            }

            return new CsmsRequest("GetLog", payload);
        }

        /// <summary>UpdateFirmware (L01); optional fields left out when null or negative.</summary>
        public static CsmsRequest UpdateFirmware(int requestId, string location, DateTime retrieveDateTime, string signingCertificate,
            string signature, DateTime? installDateTime = null, int retries = -1, int retryInterval = -1)
        {
            var firmware = new JsonObject
            {
                ["location"] = Text(location, 512, nameof(location)),
                ["retrieveDateTime"] = retrieveDateTime.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"),
            };
            if (installDateTime != null)
            {
                firmware["installDateTime"] = installDateTime.Value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
            }

            if (signingCertificate != null)
            {
                firmware["signingCertificate"] = Text(signingCertificate, 5500, nameof(signingCertificate));
            }

            if (signature != null)
            {
                firmware["signature"] = Text(signature, 800, nameof(signature));
            }

            var payload = new JsonObject { ["requestId"] = requestId, ["firmware"] = firmware };
            if (retries >= 0)
            {
                payload["retries"] = retries;
            }

            if (retryInterval >= 0)
            {
                payload["retryInterval"] = retryInterval;
            }

            return new CsmsRequest("UpdateFirmware", payload);
        }

        /// <summary>DataTransfer (P02) with a string as its data (e.g. a PEM CRL for vendor org.chargerfirmware, InstallCrl).</summary>
        public static CsmsRequest DataTransfer(string vendorId, string messageId, string data)
        {
            var payload = new JsonObject { ["vendorId"] = Text(vendorId, 255, "vendorId") };
            if (messageId != null)
            {
                payload["messageId"] = Text(messageId, 50, "messageId");
            }

            if (data != null)
            {
                payload["data"] = data;
            }

            return new CsmsRequest("DataTransfer", payload);
        }

        /// <summary>InstallCertificate (M05).</summary>
        public static CsmsRequest InstallCertificate(string certificateType, string certificatePem)
        {
            return new CsmsRequest("InstallCertificate", new JsonObject
            {
                ["certificateType"] = certificateType,
                ["certificate"] = Text(certificatePem, 5500, "certificate"),
            });
        }

        private static JsonObject IdToken(string idToken, string type)
        {
            return new JsonObject
            {
                ["idToken"] = Text(idToken, IdTokenMaxLength, "idToken"),
                ["type"] = Enum(type, OcppEnums.IdTokenType, "idToken type"),
            };
        }

        private static JsonObject Evse(int evseId, int connectorId)
        {
            var evse = new JsonObject { ["id"] = evseId < 0 ? throw new ArgumentOutOfRangeException(nameof(evseId)) : evseId };
            if (connectorId > 0)
            {
                evse["connectorId"] = connectorId;
            }

            return evse;
        }

        private static JsonObject VariableData(CsmsVariable variable)
        {
            var component = new JsonObject { ["name"] = Text(variable.Component, 50, "component") };
            if (variable.ComponentInstance != null)
            {
                component["instance"] = Text(variable.ComponentInstance, 50, "component instance");
            }

            if (variable.EvseId >= 0)
            {
                component["evse"] = new JsonObject { ["id"] = variable.EvseId };
            }

            var variableNode = new JsonObject { ["name"] = Text(variable.Variable, 50, "variable") };
            if (variable.VariableInstance != null)
            {
                variableNode["instance"] = Text(variable.VariableInstance, 50, "variable instance");
            }

            var item = new JsonObject { ["component"] = component, ["variable"] = variableNode };
            if (variable.AttributeType != null)
            {
                item["attributeType"] = Enum(variable.AttributeType, OcppEnums.AttributeType, "attributeType");
            }

            return item;
        }

        private static JsonArray NonEmpty(JsonArray array, string name)
        {
            if (array.Count == 0)
            {
                throw new ArgumentException("at least one variable is needed (schema minItems 1)", name);
            }

            return array;
        }

        private static string Text(string value, int maxLength, string name)
        {
            if (value == null)
            {
                throw new ArgumentNullException(name);
            }

            if (value.Length > maxLength)
            {
                throw new ArgumentException(name + " is " + value.Length + " characters, OCPP allows " + maxLength, name);
            }

            return value;
        }

        private static string Enum(string value, string[] allowed, string name)
        {
            if (!OcppEnums.Contains(allowed, value))
            {
                throw new ArgumentException("'" + value + "' is not one of " + string.Join(", ", allowed), name);
            }

            return value;
        }

        private static int Positive(int value, string name)
        {
            if (value < 1)
            {
                throw new ArgumentOutOfRangeException(name, value, "must be 1 or more");
            }

            return value;
        }
    }
}
